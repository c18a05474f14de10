using Microsoft.Win32.SafeHandles;

namespace Exchange.Journal.Storage;

/// <summary>A segment file accessed with positional reads and writes (<see cref="RandomAccess"/>, no stream
/// position or buffering of its own). <see cref="FlushToDisk"/> is fdatasync on Linux (<see cref="DataSync"/>).</summary>
public sealed class FileJournalSegment : IJournalSegment
{
    private readonly SafeFileHandle _handle;

    internal FileJournalSegment(string name, SafeFileHandle handle)
    {
        Name = name;
        _handle = handle;
    }

    public string Name { get; }

    public long Length => RandomAccess.GetLength(_handle);

    public void Write(long offset, ReadOnlySpan<byte> data) => RandomAccess.Write(_handle, data, offset);

    public int Read(long offset, Span<byte> destination)
    {
        int total = 0;
        while (total < destination.Length)
        {
            int n = RandomAccess.Read(_handle, destination[total..], offset + total);
            if (n == 0)
            {
                break;
            }
            total += n;
        }
        return total;
    }

    public void FlushToDisk() => DataSync.Flush(_handle);

    public void SetLength(long length) => RandomAccess.SetLength(_handle, length);

    public void Dispose() => _handle.Dispose();
}
