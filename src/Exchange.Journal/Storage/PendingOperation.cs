namespace Exchange.Journal.Storage;

/// <summary>An unflushed mutation and what it replaced, so a crash can undo it (wholly or from a tear point on).</summary>
/// <param name="Kind">What the operation did.</param>
/// <param name="Name">The segment it did it to.</param>
/// <param name="Offset">Write: where it wrote. SetLength: the length before.</param>
/// <param name="Length">Write: bytes written. SetLength: the length set.</param>
/// <param name="Previous">Write: the bytes it overwrote. SetLength: the bytes a shortening cut off (else empty).</param>
internal sealed record PendingOperation(PendingOperationKind Kind, string Name, long Offset, long Length, byte[] Previous);
