using Exchange.MarketData.Itch;

namespace Exchange.MarketData.Books;

/// <summary>The aggregated L2 book of one stock: price → total shares per side, best price first.
/// Updated only by <see cref="ItchOrderBook"/>; not thread-safe.</summary>
public sealed class ItchStockBook
{
    private static readonly Comparer<uint> Descending = Comparer<uint>.Create((a, b) => b.CompareTo(a));

    private readonly SortedDictionary<uint, long> _bids = new(Descending);
    private readonly SortedDictionary<uint, long> _asks = new();

    public ItchStockBook(ushort stockLocate) => StockLocate = stockLocate;

    public ushort StockLocate { get; }

    /// <summary>The symbol, once a stock directory or add order message has named it.</summary>
    public ItchStock Stock { get; internal set; }

    /// <summary>Bid levels, highest price first.</summary>
    public IEnumerable<ItchBookLevel> Bids => _bids.Select(kv => new ItchBookLevel(kv.Key, kv.Value));

    /// <summary>Ask levels, lowest price first.</summary>
    public IEnumerable<ItchBookLevel> Asks => _asks.Select(kv => new ItchBookLevel(kv.Key, kv.Value));

    public IEnumerable<ItchBookLevel> Levels(ItchSide side) => side == ItchSide.Buy ? Bids : Asks;

    /// <summary>Total shares at <paramref name="price"/> on <paramref name="side"/>; 0 when there is no level.</summary>
    public long SharesAt(ItchSide side, uint price) => Side(side).GetValueOrDefault(price);

    internal void Add(ItchSide side, uint price, uint shares)
    {
        var levels = Side(side);
        levels[price] = levels.GetValueOrDefault(price) + shares;
    }

    // Callers never remove more than an order's remaining shares, so a level never goes below zero;
    // an emptied level is removed so the book holds only positive sizes.
    internal void Remove(ItchSide side, uint price, uint shares)
    {
        var levels = Side(side);
        long left = levels.GetValueOrDefault(price) - shares;
        if (left > 0)
        {
            levels[price] = left;
        }
        else
        {
            levels.Remove(price);
        }
    }

    private SortedDictionary<uint, long> Side(ItchSide side) => side == ItchSide.Buy ? _bids : _asks;
}
