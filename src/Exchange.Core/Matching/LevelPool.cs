namespace Exchange.Core.Matching;

/// <summary>Pre-allocated storage for price levels of every book side and their tree nodes (parallel arrays), with
/// a free list through <see cref="TreeNode.Parent"/>. Slot 0 is the shared red-black sentinel (black, never allocated).</summary>
internal sealed class LevelPool
{
    private int _freeHead;
    private int _nextUnused = 1;

    public LevelPool(int capacity)
    {
        Items = new PriceLevel[Math.Max(capacity, 2)];
        Nodes = new TreeNode[Items.Length];
    }

    /// <summary>The slots. Re-read after <see cref="Allocate"/>: it may be replaced when the pool grows.</summary>
    public PriceLevel[] Items { get; private set; }

    /// <summary>The tree node of each slot. Re-read after <see cref="Allocate"/>, as <see cref="Items"/>.</summary>
    public TreeNode[] Nodes { get; private set; }

    public int Count { get; private set; }

    public int Allocate(long price)
    {
        int index;
        if (_freeHead != 0)
        {
            index = _freeHead;
            _freeHead = Nodes[index].Parent;
        }
        else
        {
            if (_nextUnused == Items.Length)
            {
                var items = Items;
                var nodes = Nodes;
                Array.Resize(ref items, items.Length * 2);
                Array.Resize(ref nodes, nodes.Length * 2);
                Items = items;
                Nodes = nodes;
            }
            index = _nextUnused++;
        }
        Items[index] = default;
        Items[index].Price = price;
        Nodes[index] = default;
        Nodes[index].Price = price;
        Count++;
        return index;
    }

    public void Free(int index)
    {
        Nodes[index].Parent = _freeHead;
        Items[index].Free = true;
        _freeHead = index;
        Count--;
    }
}
