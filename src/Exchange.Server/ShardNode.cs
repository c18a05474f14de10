using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Matching;
using Exchange.Journal;
using Exchange.Journal.Snapshots;
using Exchange.Journal.Storage;
using Exchange.Server.Configuration;
using Exchange.Server.Pipeline;

namespace Exchange.Server;

/// <summary>One engine shard: recovers its state from the newest valid snapshot plus the journal after it and
/// runs its durable pipeline (engine thread, journal thread, snapshot thread, responder). Its data lives in one
/// directory: journal/ and snapshots/.</summary>
public sealed class ShardNode : IDisposable
{
    private readonly JournalWriter _journal;
    private readonly SnapshotStore _snapshots;
    private bool _stopped;

    private ShardNode(int id, ExchangeConfig config, JournalWriter journal, SnapshotStore snapshots, MatchingEngine engine, MatchingEngine? shadow,
        RecoveryReport recovery, IReadOnlyList<IEventListener> listeners, IClock? clock)
    {
        Id = id;
        _journal = journal;
        _snapshots = snapshots;
        Recovery = recovery;
        Client = new InProcessClient(sessionId: 0);
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

    public int Id { get; }

    public ExchangePipeline Pipeline { get; }

    /// <summary>The in-process client of this shard (the node's routing client uses it).</summary>
    public InProcessClient Client { get; }

    public RecoveryReport Recovery { get; }

    /// <summary>Recovers and starts shard <paramref name="id"/> with its data in <paramref name="directory"/>.</summary>
    public static ShardNode Start(int id, string directory, ExchangeConfig config, IReadOnlyList<IEventListener> listeners, IClock? clock,
        IJournalStorage? storage)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var snapshots = new SnapshotStore(Path.Combine(directory, "snapshots"));
        // The shadow engine (periodic snapshots) starts from the same snapshot: both load in parallel. The shadow
        // skips the digest pass: it is used only if it loaded the same file the engine loaded and verified.
        bool snapshotting = config.SnapshotEveryCommands > 0;
        var shadowLoad = snapshotting ? Task.Run(() => snapshots.LoadNewest(s => MatchingEngine.ReadSnapshot(s, verifyDigest: false))) : null;
        var loaded = snapshots.LoadNewest(s => MatchingEngine.ReadSnapshot(s));
        var engine = loaded?.State ?? new MatchingEngine();
        long snapshotSequence = loaded?.Sequence ?? 0;
        var shadowLoaded = shadowLoad?.GetAwaiter().GetResult();
        var snapshotLoaded = started.Elapsed;
        MatchingEngine? shadow = snapshotting
            ? (shadowLoaded?.Sequence == snapshotSequence ? shadowLoaded.Value.State : loaded is null ? new MatchingEngine() : Copy(engine))
            : null;

        long replayed = 0;
        storage ??= new FileJournalStorage(Path.Combine(directory, "journal"));
        var journal = JournalWriter.Open(storage, new JournalOptions { Durability = config.Durability }, record =>
        {
            if (record.Sequence > snapshotSequence)
            {
                var command = record.Command;
                engine.Process(in command);
                shadow?.Process(in command);
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
        var journalRecovered = started.Elapsed - snapshotLoaded;
        var report = new RecoveryReport(snapshotSequence, replayed, lastJournaled, journal.Recovery.TornTail?.ToString(),
            engine.LiveOrderCount, engine.ComputeStateDigest(), started.Elapsed, snapshotLoaded, journalRecovered);
        var node = new ShardNode(id, config, journal, snapshots, engine, shadow, report, listeners, clock);
        node.Pipeline.Start();
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
}
