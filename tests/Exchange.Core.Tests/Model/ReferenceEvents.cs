using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Events;

namespace Exchange.Core.Tests.Model;

/// <summary>The events' fields as docs/matching-rules.md ("Event fields") lists them, built in one place. Sequence and
/// Timestamp are stamped by the caller. Order events describe the order as it is after the event (a Triggered event as
/// it was before it became a market/limit order); DisplayQuantity is the display instruction D except on Replenished
/// and Reduced (visible quantity after the event).</summary>
internal static class ReferenceEvents
{
    public static EngineEvent InstrumentAdded(Symbol symbol, long referencePrice) =>
        new() { Type = EventType.InstrumentAdded, Symbol = symbol, Price = referencePrice };

    public static EngineEvent Rejected(in Command command, RejectReason reason) => new()
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
