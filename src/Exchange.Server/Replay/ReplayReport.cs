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
    public bool Valid => Snapshots.All(s => s.Valid);
}
