namespace Exchange.Core.Matching;

/// <summary>One side of a book (or of a stop book): its price levels in a red-black tree keyed by price, plus a
/// doubly linked price-ordered list of the same levels. Best level in O(1), next-worse level in O(1), find and
/// insert a level in O(log L), remove a level in O(log L), move an empty level to a price between its neighbours' in
/// O(1) (<see cref="TryMove"/>). Levels live in the shared <see cref="LevelPool"/>.</summary>
/// <remarks>"Best" depends on the side: the lowest price when <c>ascending</c> (asks, buy stops), the highest
/// otherwise (bids, sell stops). The tree is the CLRS red-black tree with node 0 as the black sentinel.</remarks>
internal sealed class BookSide
{
    /// <summary>How far a hinted lookup walks before falling back to a tree descent.</summary>
    private const int HintSteps = 8;

    private readonly LevelPool _pool;
    private readonly bool _ascending;
    private int _root;

    public BookSide(LevelPool pool, bool ascending)
    {
        _pool = pool;
        _ascending = ascending;
    }

    /// <summary>Best level, 0 if the side is empty.</summary>
    public int Best { get; private set; }

    public int LevelCount { get; private set; }

    /// <summary>The root of the red-black tree (0 if empty): where a level lookup starts (read by the prefetch).</summary>
    public int Root => _root;

    /// <summary>True if a price in this side's order comes before (is better than) <paramref name="other"/>.</summary>
    public bool IsBetter(long price, long other) => _ascending ? price < other : price > other;

    /// <summary>The level after <paramref name="level"/> going away from the best price; 0 at the end.</summary>
    public int NextWorse(int level) => _ascending ? _pool.Items[level].Higher : _pool.Items[level].Lower;

    /// <summary>The level at exactly <paramref name="price"/>, or 0.</summary>
    public int Find(long price)
    {
        var items = _pool.Items;
        int x = _root;
        while (x != 0)
        {
            long p = items[x].Price;
            if (price == p)
            {
                return x;
            }
            x = price < p ? items[x].Left : items[x].Right;
        }
        return 0;
    }

    /// <summary>The level at <paramref name="price"/>, created if absent. <paramref name="hint"/>, if not 0, is a
    /// live level of this side near the price (e.g. where a re-priced order was): a short walk along the price
    /// list from it finds the level, or the place to insert, without descending the tree.</summary>
    public int GetOrAdd(long price, int hint = 0)
    {
        var items = _pool.Items;
        // Fast path: most activity is at or next to the best price.
        int best = Best;
        if (best != 0)
        {
            long bestPrice = items[best].Price;
            if (bestPrice == price)
            {
                return best;
            }
            if (IsBetter(price, bestPrice))
            {
                // A new best level: it goes at the best end of the list, no search needed.
                return _ascending ? InsertBetween(price, 0, best) : InsertBetween(price, best, 0);
            }
        }
        if (hint != 0)
        {
            int x = hint;
            for (int step = 0; step < HintSteps; step++)
            {
                long p = items[x].Price;
                if (p == price)
                {
                    return x;
                }
                if (p < price)
                {
                    int higher = items[x].Higher;
                    if (higher == 0 || items[higher].Price > price)
                    {
                        return InsertBetween(price, x, higher);
                    }
                    x = higher;
                }
                else
                {
                    int lower = items[x].Lower;
                    if (lower == 0 || items[lower].Price < price)
                    {
                        return InsertBetween(price, lower, x);
                    }
                    x = lower;
                }
            }
        }
        int parent = 0;
        bool left = false;
        for (int x = _root; x != 0;)
        {
            long p = items[x].Price;
            if (price == p)
            {
                return x;
            }
            parent = x;
            left = price < p;
            x = left ? items[x].Left : items[x].Right;
        }
        return Insert(price, parent, left);
    }

    /// <summary>Gives an empty level of this side the new <paramref name="price"/> in place, if no other level's price
    /// lies between its neighbours' and the new one (so the tree and the list stay in order, and the best level stays
    /// the best): O(1), no tree change. False, and nothing changed, otherwise.</summary>
    public bool TryMove(int level, long price)
    {
        var items = _pool.Items;
        ref var l = ref items[level];
        int lower = l.Lower;
        int higher = l.Higher;
        if ((lower != 0 && items[lower].Price >= price) || (higher != 0 && items[higher].Price <= price))
        {
            return false;
        }
        l.Price = price;
        return true;
    }

    /// <summary>Inserts a level between two in-order neighbours (either may be 0). Of two adjacent nodes, the lower
    /// has no right child or the higher has no left child, so one of them is the new node's tree parent.</summary>
    private int InsertBetween(long price, int lower, int higher)
    {
        var items = _pool.Items;
        return lower != 0 && items[lower].Right == 0
            ? Insert(price, lower, left: false)
            : Insert(price, higher, left: true);
    }

    /// <summary>Adds a new level as the <paramref name="left"/> or right child of <paramref name="parent"/>
    /// (0 = as the root) and links it into the price list.</summary>
    private int Insert(long price, int parent, bool left)
    {
        int z = _pool.Allocate(price);
        var items = _pool.Items;
        ref var node = ref items[z];
        node.Parent = parent;
        node.Red = true;
        if (parent == 0)
        {
            _root = z;
        }
        else if (left)
        {
            // z is the left child: its successor is the parent, its predecessor the parent's old predecessor.
            items[parent].Left = z;
            int lower = items[parent].Lower;
            node.Higher = parent;
            node.Lower = lower;
            items[parent].Lower = z;
            if (lower != 0)
            {
                items[lower].Higher = z;
            }
        }
        else
        {
            items[parent].Right = z;
            int higher = items[parent].Higher;
            node.Lower = parent;
            node.Higher = higher;
            items[parent].Higher = z;
            if (higher != 0)
            {
                items[higher].Lower = z;
            }
        }
        int best = Best;
        if (best == 0 || IsBetter(price, items[best].Price))
        {
            Best = z;
        }
        LevelCount++;
        InsertFixup(items, z);
        return z;
    }

    /// <summary>Removes an (empty) level from the side and frees it.</summary>
    public void Remove(int z)
    {
        var items = _pool.Items;
        int lower = items[z].Lower;
        int higher = items[z].Higher;
        if (Best == z)
        {
            Best = _ascending ? higher : lower;
        }
        if (lower != 0)
        {
            items[lower].Higher = higher;
        }
        if (higher != 0)
        {
            items[higher].Lower = lower;
        }

        int y = z;
        bool yWasRed = items[y].Red;
        int x;
        if (items[z].Left == 0)
        {
            x = items[z].Right;
            Transplant(items, z, x);
        }
        else if (items[z].Right == 0)
        {
            x = items[z].Left;
            Transplant(items, z, x);
        }
        else
        {
            y = higher; // the in-order successor: the minimum of z's right subtree
            yWasRed = items[y].Red;
            x = items[y].Right;
            if (items[y].Parent == z)
            {
                items[x].Parent = y;
            }
            else
            {
                Transplant(items, y, x);
                items[y].Right = items[z].Right;
                items[items[y].Right].Parent = y;
            }
            Transplant(items, z, y);
            items[y].Left = items[z].Left;
            items[items[y].Left].Parent = y;
            items[y].Red = items[z].Red;
        }
        if (!yWasRed)
        {
            DeleteFixup(items, x);
        }
        items[0] = default; // the sentinel's parent may have been written; keep it clean
        LevelCount--;
        _pool.Free(z);
    }

    private void Transplant(CacheAlignedArray<PriceLevel> items, int u, int v)
    {
        int up = items[u].Parent;
        if (up == 0)
        {
            _root = v;
        }
        else if (u == items[up].Left)
        {
            items[up].Left = v;
        }
        else
        {
            items[up].Right = v;
        }
        items[v].Parent = up;
    }

    private void RotateLeft(CacheAlignedArray<PriceLevel> items, int x)
    {
        int y = items[x].Right;
        items[x].Right = items[y].Left;
        if (items[y].Left != 0)
        {
            items[items[y].Left].Parent = x;
        }
        int xp = items[x].Parent;
        items[y].Parent = xp;
        if (xp == 0)
        {
            _root = y;
        }
        else if (x == items[xp].Left)
        {
            items[xp].Left = y;
        }
        else
        {
            items[xp].Right = y;
        }
        items[y].Left = x;
        items[x].Parent = y;
    }

    private void RotateRight(CacheAlignedArray<PriceLevel> items, int x)
    {
        int y = items[x].Left;
        items[x].Left = items[y].Right;
        if (items[y].Right != 0)
        {
            items[items[y].Right].Parent = x;
        }
        int xp = items[x].Parent;
        items[y].Parent = xp;
        if (xp == 0)
        {
            _root = y;
        }
        else if (x == items[xp].Right)
        {
            items[xp].Right = y;
        }
        else
        {
            items[xp].Left = y;
        }
        items[y].Right = x;
        items[x].Parent = y;
    }

    private void InsertFixup(CacheAlignedArray<PriceLevel> items, int z)
    {
        while (items[items[z].Parent].Red)
        {
            int zp = items[z].Parent;
            int zpp = items[zp].Parent;
            if (zp == items[zpp].Left)
            {
                int y = items[zpp].Right;
                if (items[y].Red)
                {
                    items[zp].Red = false;
                    items[y].Red = false;
                    items[zpp].Red = true;
                    z = zpp;
                }
                else
                {
                    if (z == items[zp].Right)
                    {
                        z = zp;
                        RotateLeft(items, z);
                        zp = items[z].Parent;
                        zpp = items[zp].Parent;
                    }
                    items[zp].Red = false;
                    items[zpp].Red = true;
                    RotateRight(items, zpp);
                }
            }
            else
            {
                int y = items[zpp].Left;
                if (items[y].Red)
                {
                    items[zp].Red = false;
                    items[y].Red = false;
                    items[zpp].Red = true;
                    z = zpp;
                }
                else
                {
                    if (z == items[zp].Left)
                    {
                        z = zp;
                        RotateRight(items, z);
                        zp = items[z].Parent;
                        zpp = items[zp].Parent;
                    }
                    items[zp].Red = false;
                    items[zpp].Red = true;
                    RotateLeft(items, zpp);
                }
            }
        }
        items[_root].Red = false;
    }

    private void DeleteFixup(CacheAlignedArray<PriceLevel> items, int x)
    {
        while (x != _root && !items[x].Red)
        {
            int xp = items[x].Parent;
            if (x == items[xp].Left)
            {
                int w = items[xp].Right;
                if (items[w].Red)
                {
                    items[w].Red = false;
                    items[xp].Red = true;
                    RotateLeft(items, xp);
                    w = items[items[x].Parent].Right;
                }
                if (!items[items[w].Left].Red && !items[items[w].Right].Red)
                {
                    items[w].Red = true;
                    x = items[x].Parent;
                }
                else
                {
                    if (!items[items[w].Right].Red)
                    {
                        items[items[w].Left].Red = false;
                        items[w].Red = true;
                        RotateRight(items, w);
                        w = items[items[x].Parent].Right;
                    }
                    xp = items[x].Parent;
                    items[w].Red = items[xp].Red;
                    items[xp].Red = false;
                    items[items[w].Right].Red = false;
                    RotateLeft(items, xp);
                    x = _root;
                }
            }
            else
            {
                int w = items[xp].Left;
                if (items[w].Red)
                {
                    items[w].Red = false;
                    items[xp].Red = true;
                    RotateRight(items, xp);
                    w = items[items[x].Parent].Left;
                }
                if (!items[items[w].Right].Red && !items[items[w].Left].Red)
                {
                    items[w].Red = true;
                    x = items[x].Parent;
                }
                else
                {
                    if (!items[items[w].Left].Red)
                    {
                        items[items[w].Right].Red = false;
                        items[w].Red = true;
                        RotateLeft(items, w);
                        w = items[items[x].Parent].Left;
                    }
                    xp = items[x].Parent;
                    items[w].Red = items[xp].Red;
                    items[xp].Red = false;
                    items[items[w].Left].Red = false;
                    RotateRight(items, xp);
                    x = _root;
                }
            }
        }
        items[x].Red = false;
    }

    /// <summary>Checks the red-black and list invariants; returns an error text or null. For tests.</summary>
    internal string? Validate()
    {
        var items = _pool.Items;
        if (items[_root].Red)
        {
            return "root is red";
        }
        int count = 0;
        string? error = null;
        int blackHeight = Check(_root, long.MinValue, long.MaxValue, ref count, ref error);
        if (error != null)
        {
            return error;
        }
        if (blackHeight < 0 || count != LevelCount)
        {
            return $"tree count {count} != {LevelCount}";
        }
        int walked = 0;
        long previous = 0;
        for (int l = Best; l != 0; l = NextWorse(l))
        {
            if (walked > 0 && !IsBetter(previous, items[l].Price))
            {
                return "list out of order";
            }
            previous = items[l].Price;
            walked++;
        }
        return walked == LevelCount ? null : $"list count {walked} != {LevelCount}";
    }

    private int Check(int x, long min, long max, ref int count, ref string? error)
    {
        if (x == 0)
        {
            return 1;
        }
        var items = _pool.Items;
        count++;
        if (items[x].Price <= min || items[x].Price >= max)
        {
            error = "tree order violated";
        }
        if (items[x].Red && (items[items[x].Left].Red || items[items[x].Right].Red))
        {
            error = "red node with red child";
        }
        int left = Check(items[x].Left, min, items[x].Price, ref count, ref error);
        int right = Check(items[x].Right, items[x].Price, max, ref count, ref error);
        if (left != right)
        {
            error = "black heights differ";
        }
        return left + (items[x].Red ? 0 : 1);
    }
}
