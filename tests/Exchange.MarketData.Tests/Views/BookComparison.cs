using System.Text;
using Exchange.Core.Domain;
using Exchange.Core.Matching;
using Exchange.MarketData.Views;

namespace Exchange.MarketData.Tests.Views;

/// <summary>Canonical text of a public book (levels with quantity and order count, then every order's id and visible
/// quantity in priority order) and its hash: equal digests ⇔ equal L2 and L3.</summary>
internal static class BookComparison
{
    public static string Describe(PublicBook book) => Describe(
        book.Orders(Side.Buy).Select(o => (o.OrderId, o.Price, o.Quantity)),
        book.Orders(Side.Sell).Select(o => (o.OrderId, o.Price, o.Quantity)),
        book.Levels(Side.Buy), book.Levels(Side.Sell));

    /// <summary>The engine's book as the public sees it: visible quantities only, orders with nothing visible left out.</summary>
    public static string Describe(MatchingEngine engine, Symbol symbol)
    {
        var snapshot = engine.GetBookSnapshot(symbol);
        Span<PriceLevelInfo> depth = new PriceLevelInfo[10_000];
        int bids = engine.GetDepth(symbol, Side.Buy, depth);
        var bidLevels = depth[..bids].ToArray().Select(l => new PriceLevelView(l.Price, l.VisibleQuantity, l.OrderCount)).ToList();
        int asks = engine.GetDepth(symbol, Side.Sell, depth);
        var askLevels = depth[..asks].ToArray().Select(l => new PriceLevelView(l.Price, l.VisibleQuantity, l.OrderCount)).ToList();
        return Describe(
            snapshot.Bids.Select(o => (o.OrderId, o.Price, o.VisibleQuantity)),
            snapshot.Asks.Select(o => (o.OrderId, o.Price, o.VisibleQuantity)),
            bidLevels, askLevels);
    }

    public static ulong Digest(string description) => System.IO.Hashing.XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(description));

    private static string Describe(IEnumerable<(long Id, long Price, long Quantity)> bids, IEnumerable<(long Id, long Price, long Quantity)> asks,
        IReadOnlyList<PriceLevelView> bidLevels, IReadOnlyList<PriceLevelView> askLevels)
    {
        var text = new StringBuilder();
        foreach (var (name, levels, orders) in new[] { ("B", bidLevels, bids), ("S", askLevels, asks) })
        {
            foreach (var l in levels)
            {
                text.Append(name).Append(' ').Append(l.Price).Append(' ').Append(l.Quantity).Append(' ').Append(l.OrderCount).Append('\n');
            }
            foreach (var o in orders)
            {
                text.Append(name).Append(" #").Append(o.Id).Append(' ').Append(o.Price).Append(' ').Append(o.Quantity).Append('\n');
            }
        }
        return text.ToString();
    }
}
