using Exchange.Binary.Messages;
using Exchange.Core.Domain;
using Exchange.Core.Events;
using Exchange.Server.Pipeline;

namespace Exchange.Server.Gateways.Binary;

/// <summary>Turns a durable engine event into the binary protocol's messages for one stream (none, one, or two
/// for a trade between two orders of the same account), written straight into the stream's slots.</summary>
internal static class BinaryEventEncoder
{
    /// <summary>The low byte of a binary session's correlation id is the client message type that caused the
    /// command, so a reject can name it.</summary>
    public static long Correlation(long counter, ClientMessageType type) => (counter << 8) | (byte)type;

    /// <summary>Caller holds the stream's lock.</summary>
    public static void Encode(BinaryStream stream, in OutboundSlot slot, bool ownCommand)
    {
        ref readonly var e = ref slot.Event;
        switch (e.Type)
        {
            case EventType.Accepted:
                new OrderAccepted
                {
                    Side = e.Side, OrderType = e.OrderType, TimeInForce = e.TimeInForce, Timestamp = e.Timestamp, OrderId = e.OrderId,
                    ClientOrderId = e.ClientId, Symbol = e.Symbol, Price = e.Price, StopPrice = e.StopPrice, Quantity = e.Quantity,
                    LeavesQuantity = e.LeavesQuantity, DisplayQuantity = e.DisplayQuantity,
                }.WriteTo(stream.Append(OrderAccepted.Length));
                break;
            case EventType.Rejected:
                new OrderRejected
                {
                    RejectedMessageType = ownCommand ? (ClientMessageType)(byte)slot.CorrelationId : 0, Reason = (BinaryRejectReason)e.RejectReason,
                    Timestamp = e.Timestamp, ClientOrderId = e.ClientId, OrigClientOrderId = e.OrigClientId, Symbol = e.Symbol,
                }.WriteTo(stream.Append(OrderRejected.Length));
                break;
            case EventType.Trade:
                if (e.Account == stream.Account)
                {
                    new OrderExecuted
                    {
                        Side = e.Side, Liquidity = Liquidity.Removed, Timestamp = e.Timestamp, OrderId = e.OrderId, ClientOrderId = e.ClientId,
                        Symbol = e.Symbol, TradeId = e.TradeId, Price = e.Price, Quantity = e.Quantity, LeavesQuantity = e.LeavesQuantity,
                        FilledQuantity = e.FilledQuantity,
                    }.WriteTo(stream.Append(OrderExecuted.Length));
                }
                if (e.MakerAccount == stream.Account)
                {
                    new OrderExecuted
                    {
                        Side = e.Side == Side.Buy ? Side.Sell : Side.Buy, Liquidity = Liquidity.Added, Timestamp = e.Timestamp, OrderId = e.MakerOrderId,
                        ClientOrderId = e.MakerClientId, Symbol = e.Symbol, TradeId = e.TradeId, Price = e.Price, Quantity = e.Quantity,
                        LeavesQuantity = e.MakerLeavesQuantity, FilledQuantity = e.MakerFilledQuantity,
                    }.WriteTo(stream.Append(OrderExecuted.Length));
                }
                break;
            case EventType.Cancelled or EventType.Expired:
                new OrderCanceled
                {
                    Side = e.Side, Reason = e.CancelReason, Timestamp = e.Timestamp, OrderId = e.OrderId, ClientOrderId = e.ClientId, Symbol = e.Symbol,
                    CanceledQuantity = e.Quantity, FilledQuantity = e.FilledQuantity,
                }.WriteTo(stream.Append(OrderCanceled.Length));
                break;
            case EventType.Replaced:
                new OrderReplaced
                {
                    Side = e.Side, PriorityKept = e.PriorityKept, Timestamp = e.Timestamp, OrderId = e.OrderId, ClientOrderId = e.ClientId,
                    OrigClientOrderId = e.OrigClientId, Symbol = e.Symbol, Price = e.Price, StopPrice = e.StopPrice, Quantity = e.Quantity,
                    LeavesQuantity = e.LeavesQuantity, FilledQuantity = e.FilledQuantity, DisplayQuantity = e.DisplayQuantity,
                }.WriteTo(stream.Append(OrderReplaced.Length));
                break;
            case EventType.Triggered or EventType.Replenished or EventType.Reduced:
                new OrderRestated
                {
                    Side = e.Side,
                    Reason = e.Type switch
                    {
                        EventType.Triggered => RestatementReason.Triggered,
                        EventType.Replenished => RestatementReason.Replenished,
                        _ => RestatementReason.Reduced,
                    },
                    Timestamp = e.Timestamp, OrderId = e.OrderId, ClientOrderId = e.ClientId, Symbol = e.Symbol, Price = e.Price, Quantity = e.Quantity,
                    LeavesQuantity = e.LeavesQuantity, FilledQuantity = e.FilledQuantity, DisplayQuantity = e.DisplayQuantity,
                }.WriteTo(stream.Append(OrderRestated.Length));
                break;
            case EventType.MassCancelled when ownCommand:
                new MassCanceled { Timestamp = e.Timestamp, Symbol = e.Symbol, Count = e.Quantity }.WriteTo(stream.Append(MassCanceled.Length));
                break;
        }
    }
}
