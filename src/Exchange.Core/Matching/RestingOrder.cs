using Exchange.Core.Domain;

namespace Exchange.Core.Matching;

/// <summary>A read-only copy of one live order, for book snapshots (tools, tests, market-data snapshots).</summary>
public readonly record struct RestingOrder(
    long OrderId,
    long Account,
    ClientOrderId ClientId,
    Side Side,
    OrderType OrderType,
    TimeInForce TimeInForce,
    long Price,
    long StopPrice,
    long Quantity,
    long VisibleQuantity,
    long HiddenQuantity,
    long FilledQuantity,
    long DisplayQuantity,
    long ExpireTime,
    OrderFlags Flags,
    SelfTradePrevention SelfTradePrevention,
    long OcoPartnerOrderId)
{
    /// <summary>Remaining open quantity (visible + hidden).</summary>
    public long LeavesQuantity => VisibleQuantity + HiddenQuantity;
}
