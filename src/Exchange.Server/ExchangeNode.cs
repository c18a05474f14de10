using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Matching;
using Exchange.Journal;
using Exchange.Journal.Snapshots;
using Exchange.Journal.Storage;
using Exchange.Server.Configuration;
using Exchange.Server.Pipeline;

namespace Exchange.Server;

/// <summary>One running exchange (single shard): recovers the state from the newest valid snapshot plus the
/// journal after it, declares configured instruments that do not exist yet, and runs the durable pipeline.
/// This is the composition root that `exchange serve` and the tests use.</summary>
public sealed class ExchangeNode : IDisposable
{
    private readonly JournalWriter _journal;
    private readonly SnapshotStore _snapshots;
    private bool _stopped;

    private ExchangeNode(ExchangeConfig config, JournalWriter journal, SnapshotStore snapshots, MatchingEngine engine,
        RecoveryReport recovery, IReadOnlyList<IEventListener> listeners, IClock? clock)
    {
        Config = config;
        _journal = journal;
        _snapshots = snapshots;
        Recovery = recovery;
        Client = new InProcessClient(sessionId: 0);
        var shadow = Copy(engine);
        var pipelineOptions = new PipelineOptions
        {
            InboundRingSize = config.InboundRingSize,
            OutboundRingSize = config.OutboundRingSize,
            InboundWaitStrategy = config.WaitStrategy,
            OutboundWaitStrategy = config.WaitStrategy,
        };
        Pipeline = new ExchangePipeline(engine, [Client, .. listeners], pipelineOptions, clock,
            new PipelinePersistence(journal, snapshots, shadow, config.SnapshotEveryCommands));
        Client.Pipeline = Pipeline;
    }

    public ExchangeConfig Config { get; }

    public ExchangePipeline Pipeline { get; }

    /// <summary>The in-process client API (operator commands, tests, and later the gateways).</summary>
    public InProcessClient Client { get; }

    public RecoveryReport Recovery { get; }

    /// <summary>Recovers and starts the exchange described by <paramref name="config"/>.</summary>
    public static ExchangeNode Start(ExchangeConfig config, IReadOnlyList<IEventListener>? listeners = null, IClock? clock = null,
        IJournalStorage? storage = null)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var snapshots = new SnapshotStore(Path.Combine(config.DataDirectory, "snapshots"));
        var loaded = snapshots.LoadNewest(s => MatchingEngine.ReadSnapshot(s));
        var engine = loaded?.State ?? new MatchingEngine();
        long snapshotSequence = loaded?.Sequence ?? 0;

        long replayed = 0;
        storage ??= new FileJournalStorage(Path.Combine(config.DataDirectory, "journal"));
        var journal = JournalWriter.Open(storage, new JournalOptions { Durability = config.Durability }, record =>
        {
            if (record.Sequence > snapshotSequence)
            {
                var command = record.Command;
                engine.Process(in command);
                replayed++;
            }
        });
        long lastJournaled = journal.NextSequence - 1;
        if (lastJournaled < snapshotSequence)
        {
            journal.Dispose();
            throw new InvalidDataException(
                $"The journal ends at {lastJournaled} but the snapshot is at {snapshotSequence}: journal records are missing.");
        }
        var report = new RecoveryReport(snapshotSequence, replayed, lastJournaled, journal.Recovery.TornTail?.ToString(),
            engine.LiveOrderCount, engine.ComputeStateDigest(), started.Elapsed);
        var node = new ExchangeNode(config, journal, snapshots, engine, report, listeners ?? [], clock);
        var missing = config.Instruments.Where(i => !engine.TryGetInstrument(Symbol.Parse(i.Symbol), out _)).ToList();
        node.Pipeline.Start();
        foreach (var instrument in missing)
        {
            var declared = node.Client.SubmitAsync(ToCommand(instrument));
            while (!declared.Wait(TimeSpan.FromMilliseconds(50)))
            {
                if (node.Pipeline.Fault is { } fault)
                {
                    node.Crash();
                    throw new IOException("The exchange failed while declaring its instruments.", fault);
                }
            }
        }
        return node;
    }

    /// <summary>Drains the pipeline (everything submitted is journaled and answered), writes a final snapshot and
    /// closes the journal. Idempotent.</summary>
    public void Stop()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        Pipeline.Stop();
        long last = _journal.NextSequence - 1;
        if (last > 0 && !_snapshots.List().Contains(last))
        {
            var state = new MemoryStream();
            Pipeline.Engine.WriteSnapshot(state);
            _snapshots.Save(last, state.GetBuffer().AsSpan(0, (int)state.Length));
        }
        _journal.Dispose();
    }

    /// <summary>Stops the threads without draining, snapshotting or closing the journal: a simulated crash
    /// (for tests; the journal storage then holds whatever reached it).</summary>
    public void Crash()
    {
        _stopped = true;
        Pipeline.Halt();
    }

    public void Dispose() => Stop();

    private static MatchingEngine Copy(MatchingEngine engine)
    {
        var state = new MemoryStream();
        engine.WriteSnapshot(state);
        state.Position = 0;
        return MatchingEngine.ReadSnapshot(state);
    }

    private static Command ToCommand(InstrumentConfig i)
    {
        long lot = i.LotSize;
        return new Command
        {
            Type = CommandType.AddInstrument,
            Symbol = Symbol.Parse(i.Symbol),
            TickSize = Price.Parse(i.TickSize),
            LotSize = lot,
            MinQuantity = i.MinQuantity > 0 ? i.MinQuantity : lot,
            MaxQuantity = i.MaxQuantity > 0 ? i.MaxQuantity : 1_000_000_000 / lot * lot,
            Price = i.ReferencePrice is null ? 0 : Price.Parse(i.ReferencePrice),
            CollarBasisPoints = i.CollarBasisPoints,
        };
    }
}
