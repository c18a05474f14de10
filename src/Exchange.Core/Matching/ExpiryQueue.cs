namespace Exchange.Core.Matching;

/// <summary>Binary min-heap of good-till-date orders keyed by (expire time, order id), so expiry is
/// O(log n) per order and the next expiry is seen in O(1). Each order records its heap position
/// (<see cref="OrderEntry.ExpiryHeapIndex"/>) so a cancelled or filled order leaves the heap in O(log n).</summary>
internal sealed class ExpiryQueue
{
    private readonly OrderPool _orders;
    private int[] _heap;

    public ExpiryQueue(OrderPool orders, int capacity)
    {
        _orders = orders;
        _heap = new int[Math.Max(capacity, 4)];
    }

    public int Count { get; private set; }

    /// <summary>The order that expires first; only valid when <see cref="Count"/> &gt; 0.</summary>
    public int Peek() => _heap[0];

    public void Add(int order)
    {
        if (Count == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }
        _heap[Count] = order;
        _orders.Items[order].ExpiryHeapIndex = Count;
        Count++;
        SiftUp(Count - 1);
    }

    public void Remove(int order)
    {
        var items = _orders.Items;
        int i = items[order].ExpiryHeapIndex;
        items[order].ExpiryHeapIndex = -1;
        Count--;
        if (i == Count)
        {
            return;
        }
        _heap[i] = _heap[Count];
        items[_heap[i]].ExpiryHeapIndex = i;
        SiftDown(i);
        SiftUp(i);
    }

    private bool Less(int a, int b)
    {
        var items = _orders.Items;
        long ta = items[a].ExpireTime;
        long tb = items[b].ExpireTime;
        return ta < tb || (ta == tb && items[a].OrderId < items[b].OrderId);
    }

    private void SiftUp(int i)
    {
        var items = _orders.Items;
        while (i > 0)
        {
            int parent = (i - 1) / 2;
            if (!Less(_heap[i], _heap[parent]))
            {
                break;
            }
            Swap(items, i, parent);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        var items = _orders.Items;
        while (true)
        {
            int left = 2 * i + 1;
            if (left >= Count)
            {
                break;
            }
            int smallest = left + 1 < Count && Less(_heap[left + 1], _heap[left]) ? left + 1 : left;
            if (!Less(_heap[smallest], _heap[i]))
            {
                break;
            }
            Swap(items, i, smallest);
            i = smallest;
        }
    }

    private void Swap(CacheAlignedArray<OrderEntry> items, int i, int j)
    {
        (_heap[i], _heap[j]) = (_heap[j], _heap[i]);
        items[_heap[i]].ExpiryHeapIndex = i;
        items[_heap[j]].ExpiryHeapIndex = j;
    }
}
