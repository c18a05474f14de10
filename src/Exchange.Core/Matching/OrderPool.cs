using Exchange.Core.Domain;

namespace Exchange.Core.Matching;

/// <summary>Pre-allocated storage for live orders: struct arrays indexed by int, with a free list threaded
/// through <see cref="OrderEntry.Next"/>. Grows (doubling) only when every slot is in use.</summary>
internal sealed class OrderPool
{
    private int _freeHead;
    private int _nextUnused = 1;

    public OrderPool(int capacity)
    {
        Items = new OrderEntry[Math.Max(capacity, 2)];
        ClientIds = new ClientOrderId[Items.Length];
        EntrySessions = new long[Items.Length];
    }

    /// <summary>The slots; index 0 is never used. Re-read after <see cref="Allocate"/>: it may be replaced when the pool grows.</summary>
    public OrderEntry[] Items { get; private set; }

    public ClientOrderId[] ClientIds { get; private set; }

    /// <summary>The session each order was entered on (<see cref="Commands.Command.EntrySession"/>); kept apart like
    /// the client ids because only a session's mass cancel reads it.</summary>
    public long[] EntrySessions { get; private set; }

    public int Count { get; private set; }

    /// <summary>Takes a slot and resets it.</summary>
    public int Allocate()
    {
        int index;
        if (_freeHead != 0)
        {
            index = _freeHead;
            _freeHead = Items[index].Next;
        }
        else
        {
            if (_nextUnused == Items.Length)
            {
                Grow();
            }
            index = _nextUnused++;
        }
        Items[index] = default;
        Items[index].ExpiryHeapIndex = -1;
        Count++;
        return index;
    }

    public void Free(int index)
    {
        Items[index].OrderId = 0;
        Items[index].Next = _freeHead;
        _freeHead = index;
        Count--;
    }

    private void Grow()
    {
        var items = Items;
        var ids = ClientIds;
        var sessions = EntrySessions;
        Array.Resize(ref items, items.Length * 2);
        Array.Resize(ref ids, ids.Length * 2);
        Array.Resize(ref sessions, sessions.Length * 2);
        Items = items;
        ClientIds = ids;
        EntrySessions = sessions;
    }
}
