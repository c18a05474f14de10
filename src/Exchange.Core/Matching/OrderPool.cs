namespace Exchange.Core.Matching;

/// <summary>Pre-allocated storage for live orders: cache-line-aligned entries indexed by int, with a free list threaded
/// through <see cref="OrderEntry.Next"/>. Grows (doubling) only when every slot is in use.</summary>
internal sealed class OrderPool
{
    private int _freeHead;
    private int _nextUnused = 1;

    public OrderPool(int capacity, bool hugePages = false) => Items = new CacheAlignedArray<OrderEntry>(Math.Max(capacity, 2), hugePages);

    /// <summary>The slots; index 0 is never used. Re-read after <see cref="Allocate"/>: it may be replaced when the pool grows.</summary>
    public CacheAlignedArray<OrderEntry> Items { get; private set; }

    public int Count { get; private set; }

    /// <summary>Slots 1 to this − 1 have been handed out at some time: a live order's slot is among them, with a
    /// non-zero <see cref="OrderEntry.OrderId"/> (a freed slot's is 0).</summary>
    public int HighWater => _nextUnused;

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
                Items = Items.Resized(Items.Length * 2);
            }
            index = _nextUnused++;
        }
        ref var entry = ref Items[index];
        entry = default;
        entry.ExpiryHeapIndex = -1;
        Count++;
        return index;
    }

    public void Free(int index)
    {
        ref var entry = ref Items[index];
        entry.OrderId = 0;
        entry.Next = _freeHead;
        _freeHead = index;
        Count--;
    }
}
