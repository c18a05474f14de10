using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Events;

namespace Exchange.Core.Tests.Model;

/// <summary>Which <see cref="EngineEvent"/> fields the reference engine sets for each event type — the one place
/// holding the assumptions where EngineEvent.cs and docs/matching-rules.md are silent. Sequence and Timestamp are
/// stamped by the caller.
/// <para>Assumptions (to be confirmed by the engine owner):</para>
/// <list type="bullet">
/// <item>Fields not listed for an event type stay default (0 / empty), e.g. OrderType, TimeInForce and Price are set only on Accepted
/// (Price also on Trade, Triggered, Replaced).</item>
/// <item>Every order event (Accepted, Trade taker side, Cancelled, Expired, Triggered, Replenished, Reduced, Replaced) carries Symbol,
/// Side, OrderId, Account, ClientId, LeavesQuantity and FilledQuantity of the order after the event.</item>
/// <item>DisplayQuantity: for an iceberg (D &gt; 0) its visible slice after the event — the current slice if it rests on the book,
/// else min(D, leaves) (the slice it would show); 0 for every non-iceberg order.</item>
/// <item>Accepted echoes the command's OrigClientId (the OCO partner's client id, empty for none).</item>
/// <item>Rejected echoes Account, ClientId, OrigClientId, Symbol and Side of the command verbatim; OrderId is the order's id when a
/// Replace names a live order of the account and is rejected for a later reason, else 0.</item>
/// <item>Trade: Side = taker side, Price = trade price, Quantity = traded quantity.</item>
/// <item>MassCancelled: Account and Symbol of the command, Quantity = count.</item>
/// </list></summary>
internal static class ReferenceEvents
{
    public static EngineEvent InstrumentAdded(Symbol symbol, long referencePrice) =>
        new() { Type = EventType.InstrumentAdded, Symbol = symbol, Price = referencePrice };

    public static EngineEvent Rejected(in Command command, RejectReason reason, long orderId = 0) => new()
    {
        Type = EventType.Rejected,
        RejectReason = reason,
        Account = command.Account,
        ClientId = command.ClientId,
        OrigClientId = command.OrigClientId,
        Symbol = command.Symbol,
        Side = command.Side,
        OrderId = orderId,
    };

    public static EngineEvent Accepted(ReferenceOrder order, ClientOrderId ocoPartnerClientId)
    {
        var e = OrderEvent(EventType.Accepted, order);
        e.OrderType = order.Type;
        e.TimeInForce = order.TimeInForce;
        e.OrigClientId = ocoPartnerClientId;
        e.Price = order.Price;
        e.StopPrice = order.StopPrice;
        e.Quantity = order.Quantity;
        return e;
    }

    public static EngineEvent Trade(long tradeId, ReferenceOrder taker, ReferenceOrder maker, long price, long quantity)
    {
        var e = OrderEvent(EventType.Trade, taker);
        e.DisplayQuantity = 0;
        e.Price = price;
        e.Quantity = quantity;
        e.TradeId = tradeId;
        e.MakerOrderId = maker.OrderId;
        e.MakerAccount = maker.Account;
        e.MakerClientId = maker.ClientId;
        e.MakerLeavesQuantity = maker.Leaves;
        e.MakerFilledQuantity = maker.Filled;
        return e;
    }

    /// <summary>Cancelled or Expired (the reason tells which); <paramref name="quantity"/> is what was removed.</summary>
    public static EngineEvent Removed(EventType type, ReferenceOrder order, CancelReason reason, long quantity)
    {
        var e = OrderEvent(type, order);
        e.DisplayQuantity = 0;
        e.CancelReason = reason;
        e.Quantity = quantity;
        return e;
    }

    public static EngineEvent Triggered(ReferenceOrder order, long limitPrice, long stopPrice)
    {
        var e = OrderEvent(EventType.Triggered, order);
        e.DisplayQuantity = 0;
        e.Price = limitPrice;
        e.StopPrice = stopPrice;
        return e;
    }

    public static EngineEvent Replenished(ReferenceOrder order) => OrderEvent(EventType.Replenished, order);

    public static EngineEvent Reduced(ReferenceOrder order, long reduction)
    {
        var e = OrderEvent(EventType.Reduced, order);
        e.Quantity = reduction;
        return e;
    }

    public static EngineEvent Replaced(ReferenceOrder order, ClientOrderId oldClientId, bool priorityKept)
    {
        var e = OrderEvent(EventType.Replaced, order);
        e.OrigClientId = oldClientId;
        e.Price = order.Price;
        e.StopPrice = order.StopPrice;
        e.Quantity = order.Quantity;
        e.PriorityKept = priorityKept;
        return e;
    }

    public static EngineEvent StatusChanged(Symbol symbol, TradingStatus status) =>
        new() { Type = EventType.StatusChanged, Symbol = symbol, Status = status };

    public static EngineEvent MassCancelled(in Command command, long count) =>
        new() { Type = EventType.MassCancelled, Account = command.Account, Symbol = command.Symbol, Quantity = count };

    private static EngineEvent OrderEvent(EventType type, ReferenceOrder order) => new()
    {
        Type = type,
        Symbol = order.Instrument.Symbol,
        Side = order.Side,
        OrderId = order.OrderId,
        Account = order.Account,
        ClientId = order.ClientId,
        LeavesQuantity = order.Leaves,
        FilledQuantity = order.Filled,
        DisplayQuantity = DisplayedQuantity(order),
    };

    private static long DisplayedQuantity(ReferenceOrder order)
    {
        if (!order.IsIceberg)
        {
            return 0;
        }
        return order.State == ReferenceOrderState.Resting ? order.Visible : Math.Min(order.DisplayQuantity, order.Leaves);
    }
}
