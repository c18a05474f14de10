using Exchange.Core.Domain;

namespace Exchange.MarketData.Views;

/// <summary>One resting order as the public sees it (L3): public id, side, price, visible quantity.</summary>
public readonly record struct OrderView(long OrderId, Side Side, long Price, long Quantity);
