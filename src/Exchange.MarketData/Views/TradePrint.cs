using Exchange.Core.Domain;

namespace Exchange.MarketData.Views;

/// <summary>One trade on the tape: engine trade id (unique per shard), price and quantity, the aggressor's side,
/// engine time (ns since the Unix epoch) and the public id of the resting order it executed.</summary>
public readonly record struct TradePrint(long TradeId, long Price, long Quantity, Side AggressorSide, long Timestamp, long MakerOrderId);
