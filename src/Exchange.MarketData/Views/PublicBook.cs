using Exchange.Core.Domain;

namespace Exchange.MarketData.Views;

/// <summary>The public order-by-order book of one instrument: visible quantity per order, in price-time priority,
/// and the aggregated levels (L2) and best prices (L1) derived from it. Used by the server's views and by feed
/// clients that rebuild the book. Remembers which levels changed since <see cref="TakeChangedLevels"/>. Not
/// thread-safe.</summary>
/// <remarks>Runs on the market-data thread for every order event, so it allocates nothing in steady state: levels and
/// order nodes are reused from free lists, and each side keeps its levels in a sorted array (best last, where most
/// changes happen: an insert or removal shifts only the levels better than it).</remarks>
public sealed class PublicBook
{
    private readonly LevelArray _bids = new(ascending: true);
    private readonly LevelArray _asks = new(ascending: false);
    private readonly Dictionary<long, Node> _orders = [];
    private readonly HashSet<(Side Side, long Price)> _changed = [];
    private Level? _freeLevels;
    private Node? _freeNodes;

    public int OrderCount => _orders.Count;

    public bool Contains(long orderId) => _orders.ContainsKey(orderId);

    public bool TryGetOrder(long orderId, out OrderView order)
    {
        if (_orders.TryGetValue(orderId, out var node))
        {
            order = new OrderView(node.Id, node.Side, node.Level!.Price, node.Visible);
            return true;
        }
        order = default;
        return false;
    }

    /// <summary>Appends an order at the back of its level. False (nothing changed) if the id is already resting or
    /// the quantity is not positive.</summary>
    public bool Add(long orderId, Side side, long price, long quantity)
    {
        if (quantity <= 0 || _orders.ContainsKey(orderId))
        {
            return false;
        }
        var levels = SideOf(side);
        var level = levels.Find(price);
        if (level is null)
        {
            level = RentLevel(price);
            levels.Insert(level);
        }
        var node = RentNode(orderId, side, quantity, level);
        node.Prev = level.Tail;
        if (level.Tail is null)
        {
            level.Head = node;
        }
        else
        {
            level.Tail.Next = node;
        }
        level.Tail = node;
        level.Count++;
        level.Quantity += quantity;
        _orders.Add(orderId, node);
        _changed.Add((side, price));
        return true;
    }

    /// <summary>Takes <paramref name="quantity"/> off an order's visible quantity, in place; the order leaves the book
    /// when nothing is left. Returns the quantity left, or -1 if the order is unknown.</summary>
    public long Reduce(long orderId, long quantity)
    {
        if (!_orders.TryGetValue(orderId, out var node))
        {
            return -1;
        }
        long take = Math.Min(quantity, node.Visible);
        node.Visible -= take;
        node.Level!.Quantity -= take;
        _changed.Add((node.Side, node.Level.Price));
        long left = node.Visible;
        if (left == 0)
        {
            Unlink(node);
        }
        return left;
    }

    /// <summary>Removes an order; false if it is not resting.</summary>
    public bool Remove(long orderId)
    {
        if (!_orders.TryGetValue(orderId, out var node))
        {
            return false;
        }
        node.Level!.Quantity -= node.Visible;
        _changed.Add((node.Side, node.Level.Price));
        Unlink(node);
        return true;
    }

    /// <summary>Applies one L3 update; false if it does not fit the book (unknown order, duplicate add).</summary>
    public bool Apply(in BookUpdate update) => update.Kind switch
    {
        BookUpdateKind.Add => Add(update.OrderId, update.Side, update.Price, update.Quantity),
        BookUpdateKind.Execute or BookUpdateKind.Cancel => Reduce(update.OrderId, update.Quantity) >= 0,
        BookUpdateKind.Delete => Remove(update.OrderId),
        _ => false,
    };

    /// <summary>Removes every order.</summary>
    public void Clear()
    {
        foreach (var (side, levels) in (ReadOnlySpan<(Side, LevelArray)>)[(Side.Buy, _bids), (Side.Sell, _asks)])
        {
            for (int i = 0; i < levels.Count; i++)
            {
                _changed.Add((side, levels.BestFirst(i).Price));
            }
            levels.Clear();
        }
        _orders.Clear();
    }

    /// <summary>The best level of a side, if any.</summary>
    public bool TryGetBest(Side side, out PriceLevelView best)
    {
        var levels = SideOf(side);
        if (levels.Count > 0)
        {
            var level = levels.BestFirst(0);
            best = new PriceLevelView(level.Price, level.Quantity, level.Count);
            return true;
        }
        best = default;
        return false;
    }

    /// <summary>The level at a price; quantity 0 if there is none.</summary>
    public PriceLevelView LevelAt(Side side, long price) =>
        SideOf(side).Find(price) is { } level ? new PriceLevelView(price, level.Quantity, level.Count) : new PriceLevelView(price, 0, 0);

    /// <summary>Up to <paramref name="depth"/> levels of a side, best first (0 = all).</summary>
    public List<PriceLevelView> Levels(Side side, int depth = 0)
    {
        var levels = SideOf(side);
        int n = depth > 0 ? Math.Min(depth, levels.Count) : levels.Count;
        var result = new List<PriceLevelView>(n);
        for (int i = 0; i < n; i++)
        {
            var level = levels.BestFirst(i);
            result.Add(new PriceLevelView(level.Price, level.Quantity, level.Count));
        }
        return result;
    }

    /// <summary>Orders of a side in priority order: best price first, oldest first within a price (0 = all levels).</summary>
    public List<OrderView> Orders(Side side, int depth = 0)
    {
        var levels = SideOf(side);
        int n = depth > 0 ? Math.Min(depth, levels.Count) : levels.Count;
        var result = new List<OrderView>();
        for (int i = 0; i < n; i++)
        {
            var level = levels.BestFirst(i);
            for (var node = level.Head; node is not null; node = node.Next)
            {
                result.Add(new OrderView(node.Id, side, level.Price, node.Visible));
            }
        }
        return result;
    }

    /// <summary>Moves the levels changed since the last call into <paramref name="into"/> (cleared first), each with its
    /// current state (quantity 0 = gone).</summary>
    public void TakeChangedLevels(List<(Side Side, PriceLevelView Level)> into)
    {
        into.Clear();
        foreach (var (side, price) in _changed)
        {
            into.Add((side, LevelAt(side, price)));
        }
        _changed.Clear();
    }

    public bool HasChanges => _changed.Count > 0;

    private LevelArray SideOf(Side side) => side == Side.Buy ? _bids : _asks;

    private void Unlink(Node node)
    {
        var level = node.Level!;
        if (node.Prev is null)
        {
            level.Head = node.Next;
        }
        else
        {
            node.Prev.Next = node.Next;
        }
        if (node.Next is null)
        {
            level.Tail = node.Prev;
        }
        else
        {
            node.Next.Prev = node.Prev;
        }
        level.Count--;
        if (level.Count == 0)
        {
            SideOf(node.Side).Remove(level);
            ReturnLevel(level);
        }
        _orders.Remove(node.Id);
        ReturnNode(node);
    }

    private Level RentLevel(long price)
    {
        var level = _freeLevels;
        if (level is null)
        {
            return new Level { Price = price };
        }
        _freeLevels = level.NextFree;
        level.NextFree = null;
        level.Price = price;
        return level;
    }

    private void ReturnLevel(Level level)
    {
        level.Quantity = 0;
        level.Count = 0;
        level.Head = level.Tail = null;
        level.NextFree = _freeLevels;
        _freeLevels = level;
    }

    private Node RentNode(long id, Side side, long visible, Level level)
    {
        var node = _freeNodes ?? new Node();
        _freeNodes = node.Next;
        node.Id = id;
        node.Side = side;
        node.Visible = visible;
        node.Level = level;
        node.Prev = node.Next = null;
        return node;
    }

    private void ReturnNode(Node node)
    {
        node.Level = null;
        node.Prev = null;
        node.Next = _freeNodes;
        _freeNodes = node;
    }

    private sealed class Level
    {
        public long Price;
        public long Quantity;
        public int Count;
        public Node? Head;
        public Node? Tail;
        /// <summary>The next level of the free list while this one is unused.</summary>
        public Level? NextFree;
    }

    /// <summary>A resting order; while unused, <see cref="Next"/> links the free list.</summary>
    private sealed class Node
    {
        public long Id;
        public Side Side;
        public long Visible;
        public Level? Level;
        public Node? Prev;
        public Node? Next;
    }

    /// <summary>One side's levels sorted by price with the best last: ascending prices for bids, descending for asks.
    /// A public book holds tens to tens of thousands of levels, and changes cluster at the best price, so moving a few
    /// array slots on an insert or removal costs less than a tree's nodes (and allocates nothing). The levels occupy
    /// the middle of the array with room at both ends, and an insert or removal moves the shorter part: a new worst
    /// level (as when a book is loaded best first) moves nothing.</summary>
    private sealed class LevelArray(bool ascending)
    {
        private Level[] _items = new Level[16];
        private int _head = 8;

        public int Count { get; private set; }

        /// <summary>The <paramref name="rank"/>-th level from the best (0 = best).</summary>
        public Level BestFirst(int rank) => _items[_head + Count - 1 - rank];

        public Level? Find(long price)
        {
            int i = IndexOf(price);
            return i >= 0 ? _items[_head + i] : null;
        }

        public void Insert(Level level)
        {
            int i = ~IndexOf(level.Price);
            bool towardsHead = i < Count - i ? _head > 0 : _head + Count == _items.Length;
            if (towardsHead && _head == 0 || !towardsHead && _head + Count == _items.Length)
            {
                Regrow();
                towardsHead = i < Count - i;
            }
            if (towardsHead)
            {
                Array.Copy(_items, _head, _items, _head - 1, i);
                _head--;
            }
            else
            {
                Array.Copy(_items, _head + i, _items, _head + i + 1, Count - i);
            }
            _items[_head + i] = level;
            Count++;
        }

        public void Remove(Level level)
        {
            int i = IndexOf(level.Price);
            if (i < Count - 1 - i)
            {
                Array.Copy(_items, _head, _items, _head + 1, i);
                _items[_head] = null!;
                _head++;
            }
            else
            {
                Array.Copy(_items, _head + i + 1, _items, _head + i, Count - 1 - i);
                _items[_head + Count - 1] = null!;
            }
            Count--;
        }

        public void Clear()
        {
            Array.Clear(_items);
            Count = 0;
            _head = _items.Length / 2;
        }

        /// <summary>Twice the room, the levels in its middle.</summary>
        private void Regrow()
        {
            var bigger = new Level[2 * _items.Length];
            int head = (bigger.Length - Count) / 2;
            Array.Copy(_items, _head, bigger, head, Count);
            _items = bigger;
            _head = head;
        }

        /// <summary>The rank from the worst (0 = worst) of the level at <paramref name="price"/>, or the complement of
        /// where it would go.</summary>
        private int IndexOf(long price)
        {
            int lo = 0;
            int hi = Count - 1;
            while (lo <= hi)
            {
                int mid = lo + ((hi - lo) >> 1);
                long p = _items[_head + mid].Price;
                if (p == price)
                {
                    return mid;
                }
                if (ascending ? p < price : p > price)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }
            return ~lo;
        }
    }
}
