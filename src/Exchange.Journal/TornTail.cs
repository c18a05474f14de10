namespace Exchange.Journal;

/// <summary>An incomplete or damaged record at the very end of the last segment with nothing intact after it:
/// a write the crash interrupted, never acknowledged. Bytes [<see cref="Offset"/>, Offset + <see cref="BytesDropped"/>)
/// of <see cref="Segment"/> hold it (up to the last non-zero byte).</summary>
public sealed record TornTail(string Segment, long Offset, long BytesDropped);
