namespace Exchange.Server.Replay;

/// <summary>Whether one snapshot agrees with the journal replayed up to its sequence.</summary>
public sealed record SnapshotCheck(long Sequence, bool Valid, string? Problem);
