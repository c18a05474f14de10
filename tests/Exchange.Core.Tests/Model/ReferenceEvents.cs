using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Events;

namespace Exchange.Core.Tests.Model;

/// <summary>Which <see cref="EngineEvent"/> fields the reference engine sets for each event type: the one place holding
/// the choices where EngineEvent.cs and docs/matching-rules.md are silent. Sequence and Timestamp are stamped by the caller.
/// <para>Choices (questions for the engine owner; where the docs are silent they follow what the engine does):</para>
/// <list type="bullet">
/// <item>Every order event (Accepted, Trade for the taker, Cancelled, Expired, Triggered, Replenished, Reduced, Replaced)
/// describes the order as it is after the event: Symbol, Side, OrderType, TimeInForce, OrderId, Account, ClientId, Price
/// (limit price; the trade price on a Trade), StopPrice, LeavesQuantity, FilledQuantity, and DisplayQuantity = the order's
/// display instruction D (0 for a non-iceberg).</item>
/// <item>Exceptions for DisplayQuantity, from EngineEvent.DisplayQuantity ("displayed quantity after the event … iceberg visible
/// slice"): Replenished and Reduced carry the visible quantity after the event (an incoming order shows all its leaves);
/// Replaced of an iceberg on the book carries its visible slice after the replace (min(D, leaves) unless a
/// priority-keeping decrease left a smaller slice).</item>
/// <item>Triggered is reported before the order turns into a market or limit order: OrderType Stop/StopLimit, Price = limit
/// price, StopPrice = stop price.</item>
/// <item>Cancelled and Expired: Quantity = the quantity removed, LeavesQuantity = 0.</item>
/// <item>Accepted echoes the command's OrigClientId (the OCO partner's client id, empty for none).</item>
/// <item>Rejected echoes Account, ClientId, OrigClientId, Symbol, Side, OrderType, TimeInForce, Price, StopPrice and Quantity
/// of the command. OrderId is the order's id when a Replace names a live order of the account and is rejected for a later
/// reason ("0 for rejects of orders never accepted"), else 0.</item>
/// <item>InstrumentAdded: Symbol, Price = reference price. StatusChanged: Symbol, Status. MassCancelled: Account and Symbol of
/// the command, Quantity = count.</item>
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
        OrderType = command.OrderType,
        TimeInForce = command.TimeInForce,
        Price = command.Price,
        StopPrice = command.StopPrice,
        Quantity = command.Quantity,
        OrderId = orderId,
    };

    public static EngineEvent Accepted(ReferenceOrder order, ClientOrderId ocoPartnerClientId)
    {
        var e = OrderEvent(EventType.Accepted, order);
        e.OrigClientId = ocoPartnerClientId;
        e.Quantity = order.Quantity;
        return e;
    }

    public static EngineEvent Trade(long tradeId, ReferenceOrder taker, ReferenceOrder maker, long price, long quantity)
    {
        var e = OrderEvent(EventType.Trade, taker);
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

    /// <summary>Cancelled or Expired (the reason tells why); <paramref name="quantity"/> is what was removed.</summary>
    public static EngineEvent Removed(EventType type, ReferenceOrder order, CancelReason reason, long quantity)
    {
        var e = OrderEvent(type, order);
        e.CancelReason = reason;
        e.Quantity = quantity;
        return e;
    }

    /// <summary>Built before the order's type changes to market/limit.</summary>
    public static EngineEvent Triggered(ReferenceOrder order) => OrderEvent(EventType.Triggered, order);

    public static EngineEvent Replenished(ReferenceOrder order)
    {
        var e = OrderEvent(EventType.Replenished, order);
        e.DisplayQuantity = order.Visible;
        return e;
    }

    public static EngineEvent Reduced(ReferenceOrder order, long reduction)
    {
        var e = OrderEvent(EventType.Reduced, order);
        e.Quantity = reduction;
        e.DisplayQuantity = order.Visible;
        return e;
    }

    public static EngineEvent Replaced(ReferenceOrder order, ClientOrderId oldClientId, bool priorityKept)
    {
        var e = OrderEvent(EventType.Replaced, order);
        e.OrigClientId = oldClientId;
        e.Quantity = order.Quantity;
        e.PriorityKept = priorityKept;
        if (order.IsIceberg && order.State == ReferenceOrderState.Resting)
        {
            e.DisplayQuantity = order.Visible;
        }
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
        OrderType = order.Type,
        TimeInForce = order.TimeInForce,
        OrderId = order.OrderId,
        Account = order.Account,
        ClientId = order.ClientId,
        Price = order.Price,
        StopPrice = order.StopPrice,
        LeavesQuantity = order.Leaves,
        FilledQuantity = order.Filled,
        DisplayQuantity = order.DisplayQuantity,
    };
}
