namespace Exchange.MarketData.Feed;

/// <summary>Every message of the session by sequence number (1, 2, …), for re-requests: appended by the market-data
/// thread, read by the re-request server. Messages are packed into 1 MiB pages; memory grows with the session
/// (≈ 40 bytes per message). Thread-safe (one lock; reads are rare).</summary>
public sealed class MessageStore
{
    private const int PageSize = 1 << 20;

    private readonly List<byte[]> _pages = [];
    // Where each message is (page << 32 | offset; the length is its first two bytes), in chunks of 64 KiB: a single
    // list doubling its array copied the whole index into a new large-object array every time, garbage that only a
    // full collection reclaims.
    private const int IndexChunk = 8192;
    private readonly List<long[]> _index = [];
    private long _count;
    private readonly Lock _lock = new();
    private int _position = PageSize;

    /// <summary>Number of messages stored: the last sequence number.</summary>
    public long Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    /// <summary>Stores a message; returns its sequence number.</summary>
    public long Append(ReadOnlySpan<byte> message)
    {
        lock (_lock)
        {
            if (_position + 2 + message.Length > PageSize)
            {
                _pages.Add(new byte[PageSize]);
                _position = 0;
            }
            var page = _pages[^1];
            page[_position] = (byte)(message.Length >> 8);
            page[_position + 1] = (byte)message.Length;
            message.CopyTo(page.AsSpan(_position + 2));
            if (_count % IndexChunk == 0)
            {
                _index.Add(new long[IndexChunk]);
            }
            _index[^1][_count % IndexChunk] = ((long)(_pages.Count - 1) << 32) | (uint)_position;
            _count++;
            _position += 2 + message.Length;
            return _count;
        }
    }

    /// <summary>Calls <paramref name="visit"/> with messages <paramref name="first"/>.. (at most <paramref name="count"/>,
    /// stopping at the last stored) under the lock; returns how many it visited.</summary>
    public int Read(long first, int count, Func<long, ReadOnlyMemory<byte>, bool> visit)
    {
        lock (_lock)
        {
            int n = 0;
            for (long seq = first; seq >= 1 && seq <= _count && n < count; seq++, n++)
            {
                long at = _index[(int)((seq - 1) / IndexChunk)][(seq - 1) % IndexChunk];
                var page = _pages[(int)(at >> 32)];
                int offset = (int)(uint)at;
                int length = (page[offset] << 8) | page[offset + 1];
                if (!visit(seq, page.AsMemory(offset + 2, length)))
                {
                    return n;
                }
            }
            return n;
        }
    }
}
