namespace Exchange.Journal.Storage;

/// <summary>One open segment file. Not thread-safe. Writes may sit in a cache until
/// <see cref="FlushToDisk"/>; only flushed data is promised to survive a power loss.</summary>
public interface IJournalSegment : IDisposable
{
    string Name { get; }

    /// <summary>Current length in bytes.</summary>
    long Length { get; }

    /// <summary>Writes all of <paramref name="data"/> at <paramref name="offset"/>; the range must lie within <see cref="Length"/>.</summary>
    void Write(long offset, ReadOnlySpan<byte> data);

    /// <summary>Reads up to <paramref name="destination"/>.Length bytes at <paramref name="offset"/>; returns the
    /// number read (less only at the end of the segment).</summary>
    int Read(long offset, Span<byte> destination);

    /// <summary>Makes every completed write of this segment durable (fdatasync). When it returns, the data survives
    /// a process crash, kernel crash or power loss.</summary>
    void FlushToDisk();

    /// <summary>Sets the length: shortening discards the end, lengthening appends zeros.</summary>
    void SetLength(long length);
}
