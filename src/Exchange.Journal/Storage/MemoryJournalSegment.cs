namespace Exchange.Journal.Storage;

/// <summary>A segment backed by a byte array (segments are at most 2 GiB here). Not thread-safe.</summary>
public sealed class MemoryJournalSegment : IJournalSegment
{
    private byte[] _data;

    internal MemoryJournalSegment(string name, long length)
    {
        Name = name;
        _data = new byte[checked((int)length)];
    }

    public string Name { get; }

    public long Length => _data.Length;

    public void Write(long offset, ReadOnlySpan<byte> data)
    {
        if (offset < 0 || offset + data.Length > _data.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"Write [{offset}, {offset + data.Length}) outside segment of {_data.Length} bytes");
        }
        data.CopyTo(_data.AsSpan((int)offset));
    }

    public int Read(long offset, Span<byte> destination)
    {
        if (offset < 0 || offset > _data.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset));
        }
        int n = Math.Min(destination.Length, _data.Length - (int)offset);
        _data.AsSpan((int)offset, n).CopyTo(destination);
        return n;
    }

    public void FlushToDisk()
    {
    }

    public void SetLength(long length) => Array.Resize(ref _data, checked((int)length));

    public void Dispose()
    {
    }
}
