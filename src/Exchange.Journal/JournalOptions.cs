using Exchange.Journal.Format;

namespace Exchange.Journal;

/// <summary>Configuration of a <see cref="JournalWriter"/>.</summary>
public sealed record JournalOptions
{
    /// <summary>Size of each pre-allocated segment file, 64 MiB by default. Must hold the segment header and at
    /// least one record (284 bytes). Existing segments keep the size they were created with.</summary>
    public long SegmentBytes { get; init; } = 64L << 20;

    /// <summary>Capacity of the write buffer that batches records between flushes, 1 MiB by default; a full
    /// buffer forces a <see cref="JournalWriter.Flush"/>. Must hold the segment header and one record.</summary>
    public int WriteBufferBytes { get; init; } = 1 << 20;

    public DurabilityMode Durability { get; init; } = DurabilityMode.Fsync;

    /// <summary>Sequence expected for the first record of an empty journal (1 by default).</summary>
    public long FirstSequence { get; init; } = 1;

    internal const int MinimumBytes = SegmentHeader.Size + RecordLayout.MaxRecordLength;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(SegmentBytes, MinimumBytes, nameof(SegmentBytes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SegmentBytes, int.MaxValue, nameof(SegmentBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(WriteBufferBytes, MinimumBytes, nameof(WriteBufferBytes));
        ArgumentOutOfRangeException.ThrowIfNegative(FirstSequence, nameof(FirstSequence));
    }
}
