using Exchange.Core.Domain;

namespace Exchange.MarketData.Views;

/// <summary>The public order-by-order book of one instrument: visible quantity per order, in price-time priority,
/// and the aggregated levels (L2) and best prices (L1) derived from it. Used by the server's views and by feed
/// clients that rebuild the book. Remembers which levels changed since <see cref="TakeChangedLevels"/>. Not
/// thread-safe.</summary>
public sealed class PublicBook
{
    private static readonly Comparer<long> Descending = Comparer<long>.Create((a, b) => b.CompareTo(a));

    private readonly SortedDictionary<long, Level> _bids = new(Descending);
    private readonly SortedDictionary<long, Level> _asks = new();
    private readonly Dictionary<long, Node> _orders = [];
    private readonly HashSet<(Side Side, long Price)> _changed = [];

    public int OrderCount => _orders.Count;

    public bool Contains(long orderId) => _orders.ContainsKey(orderId);

    public bool TryGetOrder(long orderId, out OrderView order)
    {
        if (_orders.TryGetValue(orderId, out var node))
        {
            order = new OrderView(node.Id, node.Side, node.Level.Price, node.Visible);
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
        if (!levels.TryGetValue(price, out var level))
        {
            level = new Level(price);
            levels.Add(price, level);
        }
        var node = new Node(orderId, side, quantity, level) { Prev = level.Tail };
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
        node.Level.Quantity -= take;
        _changed.Add((node.Side, node.Level.Price));
        if (node.Visible == 0)
        {
            Unlink(node);
        }
        return node.Visible;
    }

    /// <summary>Removes an order; false if it is not resting.</summary>
    public bool Remove(long orderId)
    {
        if (!_orders.TryGetValue(orderId, out var node))
        {
            return false;
        }
        node.Level.Quantity -= node.Visible;
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
        foreach (var level in _bids.Values)
        {
            _changed.Add((Side.Buy, level.Price));
        }
        foreach (var level in _asks.Values)
        {
            _changed.Add((Side.Sell, level.Price));
        }
        _bids.Clear();
        _asks.Clear();
        _orders.Clear();
    }

    /// <summary>The best level of a side, if any.</summary>
    public bool TryGetBest(Side side, out PriceLevelView best)
    {
        foreach (var level in SideOf(side).Values)
        {
            best = new PriceLevelView(level.Price, level.Quantity, level.Count);
            return true;
        }
        best = default;
        return false;
    }

    /// <summary>The level at a price; quantity 0 if there is none.</summary>
    public PriceLevelView LevelAt(Side side, long price) =>
        SideOf(side).TryGetValue(price, out var level) ? new PriceLevelView(price, level.Quantity, level.Count) : new PriceLevelView(price, 0, 0);

    /// <summary>Up to <paramref name="depth"/> levels of a side, best first (0 = all).</summary>
    public List<PriceLevelView> Levels(Side side, int depth = 0)
    {
        var result = new List<PriceLevelView>();
        foreach (var level in SideOf(side).Values)
        {
            if (depth > 0 && result.Count == depth)
            {
                break;
            }
            result.Add(new PriceLevelView(level.Price, level.Quantity, level.Count));
        }
        return result;
    }

    /// <summary>Orders of a side in priority order: best price first, oldest first within a price (0 = all levels).</summary>
    public List<OrderView> Orders(Side side, int depth = 0)
    {
        var result = new List<OrderView>();
        int levels = 0;
        foreach (var level in SideOf(side).Values)
        {
            if (depth > 0 && levels++ == depth)
            {
                break;
            }
            for (var node = level.Head; node is not null; node = node.Next)
            {
                result.Add(new OrderView(node.Id, side, level.Price, node.Visible));
            }
        }
        return result;
    }

    /// <summary>The levels changed since the last call, each with its current state (quantity 0 = gone).</summary>
    public List<(Side Side, PriceLevelView Level)> TakeChangedLevels()
    {
        var result = new List<(Side, PriceLevelView)>(_changed.Count);
        foreach (var (side, price) in _changed)
        {
            result.Add((side, LevelAt(side, price)));
        }
        _changed.Clear();
        return result;
    }

    public bool HasChanges => _changed.Count > 0;

    private SortedDictionary<long, Level> SideOf(Side side) => side == Side.Buy ? _bids : _asks;

    private void Unlink(Node node)
    {
        var level = node.Level;
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
            SideOf(node.Side).Remove(level.Price);
        }
        _orders.Remove(node.Id);
    }

    private sealed class Level(long price)
    {
        public long Price { get; } = price;
        public long Quantity;
        public int Count;
        public Node? Head;
        public Node? Tail;
    }

    private sealed class Node(long id, Side side, long visible, Level level)
    {
        public long Id { get; } = id;
        public Side Side { get; } = side;
        public long Visible = visible;
        public Level Level { get; } = level;
        public Node? Prev;
        public Node? Next;
    }
}
