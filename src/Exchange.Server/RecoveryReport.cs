namespace Exchange.Server;

/// <summary>What start-up recovery found and did.</summary>
public sealed record RecoveryReport(
    long SnapshotSequence,
    long ReplayedRecords,
    long LastJournalSequence,
    string? TornTail,
    int LiveOrders,
    ulong StateDigest,
    TimeSpan Duration,
    TimeSpan SnapshotLoad,
    TimeSpan JournalRecovery);
