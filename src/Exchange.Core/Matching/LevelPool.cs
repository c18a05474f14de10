namespace Exchange.Core.Matching;

/// <summary>Pre-allocated storage for price levels of every book side, with a free list through
/// <see cref="PriceLevel.Parent"/>. Slot 0 is the shared red-black sentinel (black, never allocated).</summary>
internal sealed class LevelPool
{
    private int _freeHead;
    private int _nextUnused = 1;

    public LevelPool(int capacity, bool hugePages = false) => Items = new CacheAlignedArray<PriceLevel>(Math.Max(capacity, 2), hugePages);

    /// <summary>The slots. Re-read after <see cref="Allocate"/>: it may be replaced when the pool grows.</summary>
    public CacheAlignedArray<PriceLevel> Items { get; private set; }

    public int Count { get; private set; }

    public int Allocate(long price)
    {
        int index;
        if (_freeHead != 0)
        {
            index = _freeHead;
            _freeHead = Items[index].Parent;
        }
        else
        {
            if (_nextUnused == Items.Length)
            {
                Items = Items.Resized(Items.Length * 2);
            }
            index = _nextUnused++;
        }
        ref var level = ref Items[index];
        level = default;
        level.Price = price;
        Count++;
        return index;
    }

    public void Free(int index)
    {
        Items[index].Parent = _freeHead;
        _freeHead = index;
        Count--;
    }
}
