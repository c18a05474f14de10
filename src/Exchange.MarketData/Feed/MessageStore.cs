namespace Exchange.MarketData.Feed;

/// <summary>Every message of the session by sequence number (1, 2, …), for re-requests: appended by the market-data
/// thread, read by the re-request server. Messages are packed into 1 MiB pages; memory grows with the session
/// (≈ 40 bytes per message). Thread-safe (one lock; reads are rare).</summary>
public sealed class MessageStore
{
    private const int PageSize = 1 << 20;

    private readonly List<byte[]> _pages = [];
    private readonly List<long> _index = []; // page << 32 | offset; the length is the first two bytes
    private readonly Lock _lock = new();
    private int _position = PageSize;

    /// <summary>Number of messages stored: the last sequence number.</summary>
    public long Count
    {
        get
        {
            lock (_lock)
            {
                return _index.Count;
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
            _index.Add(((long)(_pages.Count - 1) << 32) | (uint)_position);
            _position += 2 + message.Length;
            return _index.Count;
        }
    }

    /// <summary>Calls <paramref name="visit"/> with messages <paramref name="first"/>.. (at most <paramref name="count"/>,
    /// stopping at the last stored) under the lock; returns how many it visited.</summary>
    public int Read(long first, int count, Func<long, ReadOnlyMemory<byte>, bool> visit)
    {
        lock (_lock)
        {
            int n = 0;
            for (long seq = first; seq >= 1 && seq <= _index.Count && n < count; seq++, n++)
            {
                long at = _index[(int)(seq - 1)];
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
