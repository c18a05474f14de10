using Exchange.Core.Commands;

namespace Exchange.Server.Replay;

/// <summary>The outcome of `exchange replay`.</summary>
public sealed record ReplayReport(
    long Records,
    long LastSequence,
    IReadOnlyDictionary<CommandType, long> CommandsByType,
    long Events,
    int LiveOrders,
    int Instruments,
    ulong StateDigest,
    string? TornTail,
    IReadOnlyList<SnapshotCheck> Snapshots,
    TimeSpan Duration)
{
    /// <summary>The snapshot the replay started from, when the journal before it was pruned; null = from the start.</summary>
    public long? BaseSnapshot { get; init; }

    public bool Valid => Snapshots.All(s => s.Valid);
}
