using Exchange.Core.Matching;
using Exchange.Journal;
using Exchange.Journal.Snapshots;

namespace Exchange.Server.Pipeline;

/// <summary>The durable parts of a pipeline: the journal (required for durability) and, optionally, periodic
/// snapshots taken by a shadow engine that starts from the same state as the engine. <paramref name="Shadow"/>
/// builds that engine; it runs on the snapshot thread before the first command, so a slow build (loading a
/// large snapshot) delays neither start-up nor the engine.</summary>
public sealed record PipelinePersistence(JournalWriter Journal, SnapshotStore? Snapshots = null, Func<MatchingEngine>? Shadow = null,
    long SnapshotEveryCommands = 0);
