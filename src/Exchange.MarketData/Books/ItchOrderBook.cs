using Exchange.MarketData.Itch;

namespace Exchange.MarketData.Books;

/// <summary>Rebuilds per-stock books from an ITCH feed: keeps every displayed order by reference and an
/// aggregated L2 view per stock locate. Feed inconsistencies (unknown references, reductions larger than
/// the order, reused references) are counted, never thrown, and never drive a size below zero.
/// Trades (P) execute non-displayed orders and leave the book alone. Not thread-safe.</summary>
public sealed class ItchOrderBook : IItchMessageHandler
{
    private readonly Dictionary<ulong, ItchBookOrder> _orders = [];
    private readonly Dictionary<ushort, ItchStockBook> _books = [];

    /// <summary>E, C, X, D or U messages naming an order reference we do not hold.</summary>
    public long UnknownOrderReferences { get; private set; }

    /// <summary>E, C or X messages removing more shares than the order has; the order is removed instead.</summary>
    public long OversizedReductions { get; private set; }

    /// <summary>A, F or U messages adding a reference that is already resting; the message is ignored.</summary>
    public long DuplicateOrderReferences { get; private set; }

    /// <summary>A or F messages whose side byte is neither B nor S; the message is ignored.</summary>
    public long InvalidSides { get; private set; }

    public int OrderCount => _orders.Count;

    /// <summary>Every resting order by reference.</summary>
    public IReadOnlyDictionary<ulong, ItchBookOrder> Orders => _orders;

    public IReadOnlyCollection<ItchStockBook> Books => _books.Values;

    public bool TryGetOrder(ulong orderReference, out ItchBookOrder order) => _orders.TryGetValue(orderReference, out order);

    public bool TryGetBook(ushort stockLocate, out ItchStockBook book) =>
        _books.TryGetValue(stockLocate, out book!);

    /// <summary>Recomputes every level from the resting orders and counts the differences with the
    /// aggregated view, plus any level or order without a positive size. Zero means consistent.</summary>
    public int CountInconsistencies()
    {
        var expected = new Dictionary<(ushort, ItchSide, uint), long>();
        int problems = 0;
        foreach (var order in _orders.Values)
        {
            if (order.Shares == 0)
            {
                problems++;
            }
            var key = (order.StockLocate, order.Side, order.Price);
            expected[key] = expected.GetValueOrDefault(key) + order.Shares;
        }
        // Each level must match an order group exactly; each order group must have its level.
        int explained = 0;
        foreach (var book in _books.Values)
        {
            foreach (var side in (ReadOnlySpan<ItchSide>)[ItchSide.Buy, ItchSide.Sell])
            {
                foreach (var level in book.Levels(side))
                {
                    if (!expected.TryGetValue((book.StockLocate, side, level.Price), out long shares))
                    {
                        problems++;
                        continue;
                    }
                    explained++;
                    if (level.Shares <= 0 || shares != level.Shares)
                    {
                        problems++;
                    }
                }
            }
        }
        return problems + expected.Count - explained;
    }

    public void OnSystemEvent(in SystemEvent message)
    {
    }

    public void OnStockDirectory(in StockDirectory message) => Book(message.Header.StockLocate).Stock = message.Stock;

    public void OnStockTradingAction(in StockTradingAction message)
    {
    }

    public void OnAddOrder(in AddOrder message) =>
        Add(message.OrderReference, message.Header.StockLocate, message.Stock, message.Side, message.Price, message.Shares);

    public void OnAddOrderWithMpid(in AddOrderWithMpid message) =>
        Add(message.OrderReference, message.Header.StockLocate, message.Stock, message.Side, message.Price, message.Shares);

    public void OnOrderExecuted(in OrderExecuted message) => Reduce(message.OrderReference, message.ExecutedShares);

    // The execution price may differ from the order's (e.g. a cross), but the shares leave the order's own level.
    public void OnOrderExecutedWithPrice(in OrderExecutedWithPrice message) => Reduce(message.OrderReference, message.ExecutedShares);

    public void OnOrderCancel(in OrderCancel message) => Reduce(message.OrderReference, message.CancelledShares);

    public void OnOrderDelete(in OrderDelete message)
    {
        if (!_orders.Remove(message.OrderReference, out var order))
        {
            UnknownOrderReferences++;
            return;
        }
        Book(order.StockLocate).Remove(order.Side, order.Price, order.Shares);
    }

    public void OnOrderReplace(in OrderReplace message)
    {
        // The new order inherits side and stock from the original, so without the original it cannot be placed.
        if (!_orders.Remove(message.OriginalOrderReference, out var original))
        {
            UnknownOrderReferences++;
            return;
        }
        var book = Book(original.StockLocate);
        book.Remove(original.Side, original.Price, original.Shares);
        Add(message.NewOrderReference, original.StockLocate, book.Stock, original.Side, message.Price, message.Shares);
    }

    public void OnTrade(in Trade message)
    {
    }

    private void Add(ulong reference, ushort locate, ItchStock stock, ItchSide side, uint price, uint shares)
    {
        if (side is not (ItchSide.Buy or ItchSide.Sell))
        {
            InvalidSides++;
            return;
        }
        if (_orders.ContainsKey(reference))
        {
            DuplicateOrderReferences++;
            return;
        }
        var book = Book(locate);
        book.Stock = stock;
        if (shares == 0)
        {
            return; // A zero-share order rests nowhere; holding it would only leave an empty order behind.
        }
        _orders.Add(reference, new ItchBookOrder(locate, side, price, shares));
        book.Add(side, price, shares);
    }

    private void Reduce(ulong reference, uint shares)
    {
        if (!_orders.TryGetValue(reference, out var order))
        {
            UnknownOrderReferences++;
            return;
        }
        var book = Book(order.StockLocate);
        if (shares >= order.Shares)
        {
            if (shares > order.Shares)
            {
                OversizedReductions++;
            }
            _orders.Remove(reference);
            book.Remove(order.Side, order.Price, order.Shares);
            return;
        }
        _orders[reference] = order with { Shares = order.Shares - shares };
        book.Remove(order.Side, order.Price, shares);
    }

    private ItchStockBook Book(ushort locate)
    {
        if (!_books.TryGetValue(locate, out var book))
        {
            book = new ItchStockBook(locate);
            _books.Add(locate, book);
        }
        return book;
    }
}
