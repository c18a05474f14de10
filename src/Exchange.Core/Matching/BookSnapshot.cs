using Exchange.Core.Domain;

namespace Exchange.Core.Matching;

/// <summary>Full-depth (L3) copy of one instrument's books, every list in priority order:
/// bids best (highest) first, asks best (lowest) first, buy stops by ascending stop price, sell stops by
/// descending stop price, oldest first within a price.</summary>
public sealed record BookSnapshot(
    Symbol Symbol,
    TradingStatus Status,
    long LastTradePrice,
    IReadOnlyList<RestingOrder> Bids,
    IReadOnlyList<RestingOrder> Asks,
    IReadOnlyList<RestingOrder> BuyStops,
    IReadOnlyList<RestingOrder> SellStops);
