using Exchange.Core.Domain;

namespace Exchange.MarketData.Views;

/// <summary>One change of the public order-by-order book. <see cref="OrderId"/> is the public order id (see
/// <see cref="PublicOrderId"/>); no account or client id is ever part of it. <see cref="TradeId"/> is set for
/// <see cref="BookUpdateKind.Execute"/> only.</summary>
public readonly record struct BookUpdate(BookUpdateKind Kind, long OrderId, Side Side, long Price, long Quantity, long TradeId = 0);
