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
    private FileJournalStorage? _ownStorage;
    private bool _stopped;

    private ShardNode(int id, ExchangeConfig config, JournalWriter journal, SnapshotStore snapshots, MatchingEngine engine, Func<MatchingEngine>? shadow,
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
            InboundWaitStrategy = config.InboundWaitStrategy ?? config.WaitStrategy,
            OutboundWaitStrategy = config.OutboundWaitStrategy ?? config.WaitStrategy,
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
        string journalDirectory = Path.Combine(directory, "journal");
        // Retention prunes journal files only: a journal in the caller's storage (tests) is the journal thread's alone.
        var snapshots = new SnapshotStore(Path.Combine(directory, "snapshots"), config.RetainSnapshots,
            config.PruneJournal && storage is null ? new FileJournalStorage(journalDirectory) : null);
        bool snapshotting = config.SnapshotEveryCommands > 0;
        // With journal files the shadow engine (periodic snapshots) is built later, on its own thread, from the
        // same snapshot and journal; the engine's load then skips the digest pass, which the shadow's load runs.
        bool lateShadow = snapshotting && storage is null;
        var ownStorage = storage is null ? new FileJournalStorage(journalDirectory) : null;
        storage ??= ownStorage!;
        var journalOptions = new JournalOptions { Durability = config.Durability, SegmentBytes = config.JournalSegmentBytes };
        var (engine, eagerShadow, snapshotSequence, snapshotDigest) = LoadSnapshot(snapshots, snapshotting && !lateShadow, verify: !lateShadow);
        var snapshotLoaded = started.Elapsed;

        long replayed = 0;
        // Segments wholly before the snapshot are not read: the snapshot holds their effect (`exchange replay`
        // still verifies them).
        var journal = JournalWriter.Open(storage, journalOptions, skipThrough: snapshotSequence, replay: record =>
        {
            if (record.Sequence > snapshotSequence)
            {
                var command = record.Command;
                engine.Process(in command);
                eagerShadow?.Process(in command);
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
        // The recovered state's digest (reported, so it can be compared with `exchange replay` and the last stop's) is a
        // pass over every order: it runs on another core while the listeners take the state, both only reading the
        // idle engine. Nothing changes the engine until its pipeline starts below.
        var digest = replayed == 0 && snapshotDigest is ulong stored ? Task.FromResult(stored) : Task.Run(engine.ComputeStateDigest);
        Func<MatchingEngine>? shadow = lateShadow
            ? () => BuildShadow(snapshots, snapshotSequence, journalDirectory, lastJournaled)
            : eagerShadow is null ? null : () => eagerShadow;
        // Listeners that need the recovered state (market data) take it now, while the engine is idle.
        var shardListeners = listeners.Select(l => l is IShardAttachedListener attached ? attached.Attach(id, engine) : l).ToList();
        var report = new RecoveryReport(snapshotSequence, replayed, lastJournaled, journal.Recovery.TornTail?.ToString(),
            engine.LiveOrderCount, digest.GetAwaiter().GetResult(), started.Elapsed, snapshotLoaded, journalRecovered);
        var node = new ShardNode(id, config, journal, snapshots, engine, shadow, report, shardListeners, clock);
        if (ownStorage is not null)
        {
            // After recovery, and before the journal thread starts (it alone uses the storage then): the next segment
            // is created ahead, so a roll costs the journal thread only a rename.
            ownStorage.KeepSpareSegment(config.JournalSegmentBytes);
            node._ownStorage = ownStorage;
        }
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
        _ownStorage?.Dispose();
    }

    /// <summary>Stops the threads without draining, snapshotting or closing the journal: a simulated crash
    /// (for tests; the journal storage then holds whatever reached it).</summary>
    public void Crash()
    {
        _stopped = true;
        Pipeline.Halt();
        _ownStorage?.Dispose();
    }

    public void Dispose() => Stop();

    /// <summary>The newest valid snapshot as the engine (and as the shadow engine too, with
    /// <paramref name="withShadow"/>); a null digest means there was no snapshot.</summary>
    private static (MatchingEngine Engine, MatchingEngine? Shadow, long Sequence, ulong? Digest) LoadSnapshot(SnapshotStore snapshots,
        bool withShadow, bool verify)
    {
        var loaded = snapshots.LoadNewest(s => (Engine: MatchingEngine.ReadSnapshot(s, null, verify, out ulong d), Digest: d));
        if (loaded is not { } l)
        {
            return (new MatchingEngine(), withShadow ? new MatchingEngine() : null, 0, null);
        }
        return (l.State.Engine, withShadow ? Copy(l.State.Engine) : null, l.Sequence, l.State.Digest);
    }

    /// <summary>Builds the shadow engine on the snapshot thread: the snapshot the engine started from, loaded again
    /// with its digest check (the engine's own load skipped it), plus the journal records the engine replayed after
    /// it — read through a separate handle, up to the last record recovered at start, while the journal thread
    /// appends after it. Throws if that snapshot fails the check: the engine's state would be suspect.</summary>
    private static MatchingEngine BuildShadow(SnapshotStore snapshots, long snapshotSequence, string journalDirectory, long lastJournaled)
    {
        MatchingEngine shadow;
        if (snapshotSequence == 0)
        {
            shadow = new MatchingEngine();
        }
        else
        {
            using var file = File.OpenRead(snapshots.PathOf(snapshotSequence));
            file.Position = SnapshotStore.HeaderSize;
            shadow = MatchingEngine.ReadSnapshot(file);
        }
        if (lastJournaled > snapshotSequence)
        {
            using var storage = new FileJournalStorage(journalDirectory);
            var reader = new JournalReader(storage, snapshotSequence);
            while (reader.TryReadNext(out var record))
            {
                if (record.Sequence > snapshotSequence)
                {
                    var command = record.Command;
                    shadow.Process(in command);
                }
                if (record.Sequence == lastJournaled)
                {
                    break; // what follows is being written now, by the running journal thread
                }
            }
        }
        return shadow;
    }

    private static MatchingEngine Copy(MatchingEngine engine)
    {
        var state = new MemoryStream();
        engine.WriteSnapshot(state);
        state.Position = 0;
        return MatchingEngine.ReadSnapshot(state);
    }
}
