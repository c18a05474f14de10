using Exchange.Core.Matching;
using Exchange.Journal;
using Exchange.Journal.Snapshots;

namespace Exchange.Server.Pipeline;

/// <summary>The durable parts of a pipeline: the journal (required for durability) and, optionally, periodic
/// snapshots taken by a shadow engine that starts from the same state as the engine.</summary>
public sealed record PipelinePersistence(JournalWriter Journal, SnapshotStore? Snapshots = null, MatchingEngine? Shadow = null, long SnapshotEveryCommands = 0);
