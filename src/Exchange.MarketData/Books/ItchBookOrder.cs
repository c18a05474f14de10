using Exchange.MarketData.Itch;

namespace Exchange.MarketData.Books;

/// <summary>A resting order as the feed describes it: its stock (by locate), side, price and remaining shares.</summary>
public readonly record struct ItchBookOrder(ushort StockLocate, ItchSide Side, uint Price, uint Shares);
