using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Events;

namespace Exchange.Core.Matching;

// Building events: every event gets the next sequence number and the command's time.
public sealed partial class MatchingEngine
{
    private ref EngineEvent NewEvent(EventType type)
    {
        ref var e = ref _events.Add();
        e.Sequence = ++Sequence;
        e.Timestamp = _now;
        e.Type = type;
        return ref e;
    }

    /// <summary>A reject echoes the command's identifying fields; nothing else changes.</summary>
    private void Reject(in Command c, RejectReason reason)
    {
        ref var e = ref NewEvent(EventType.Rejected);
        e.RejectReason = reason;
        e.Account = c.Account;
        e.ClientId = c.ClientId;
        e.OrigClientId = c.OrigClientId;
        e.Symbol = c.Symbol;
        e.Side = c.Side;
        e.OrderType = c.OrderType;
        e.TimeInForce = c.TimeInForce;
        e.Price = c.Price;
        e.StopPrice = c.StopPrice;
        e.Quantity = c.Quantity;
    }

    /// <summary>An event about one order, with the order's current fields filled in.</summary>
    private ref EngineEvent OrderEvent(EventType type, int index)
    {
        ref var e = ref NewEvent(type);
        ref var o = ref _orders.Items[index];
        e.OrderId = o.OrderId;
        e.Account = o.Account;
        e.ClientId = o.ClientId;
        e.Symbol = _instruments[o.Instrument].Symbol;
        e.Side = o.Side;
        e.OrderType = o.Type;
        e.TimeInForce = o.TimeInForce;
        e.Price = o.Price;
        e.StopPrice = o.StopPrice;
        e.LeavesQuantity = o.Leaves;
        e.FilledQuantity = o.Filled;
        e.DisplayQuantity = o.Display;
        return ref e;
    }
}
