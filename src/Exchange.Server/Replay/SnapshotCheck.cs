namespace Exchange.Server.Replay;

/// <summary>Whether one snapshot agrees with the journal replayed up to its sequence.</summary>
public sealed record SnapshotCheck(long Sequence, bool Valid, string? Problem)
{
    /// <summary>The replay started from this snapshot (the journal before it was pruned): only its own digest was
    /// checked.</summary>
    public bool IsReplayBase { get; init; }
}
