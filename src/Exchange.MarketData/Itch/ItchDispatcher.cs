namespace Exchange.MarketData.Itch;

/// <summary>Decodes one message (type byte first) and calls the matching <see cref="IItchMessageHandler"/> method.</summary>
public static class ItchDispatcher
{
    /// <summary>False when the type is one we do not decode (B, V, W, unknown) or the bytes are too short;
    /// the handler is then not called.</summary>
    public static bool Dispatch<THandler>(ReadOnlySpan<byte> message, ref THandler handler)
        where THandler : IItchMessageHandler
    {
        if (message.IsEmpty)
        {
            return false;
        }
        switch ((ItchMessageType)message[0])
        {
            case ItchMessageType.SystemEvent when SystemEvent.TryRead(message, out var s):
                handler.OnSystemEvent(s);
                return true;
            case ItchMessageType.StockDirectory when StockDirectory.TryRead(message, out var r):
                handler.OnStockDirectory(r);
                return true;
            case ItchMessageType.StockTradingAction when StockTradingAction.TryRead(message, out var h):
                handler.OnStockTradingAction(h);
                return true;
            case ItchMessageType.AddOrder when AddOrder.TryRead(message, out var a):
                handler.OnAddOrder(a);
                return true;
            case ItchMessageType.AddOrderWithMpid when AddOrderWithMpid.TryRead(message, out var f):
                handler.OnAddOrderWithMpid(f);
                return true;
            case ItchMessageType.OrderExecuted when OrderExecuted.TryRead(message, out var e):
                handler.OnOrderExecuted(e);
                return true;
            case ItchMessageType.OrderExecutedWithPrice when OrderExecutedWithPrice.TryRead(message, out var c):
                handler.OnOrderExecutedWithPrice(c);
                return true;
            case ItchMessageType.OrderCancel when OrderCancel.TryRead(message, out var x):
                handler.OnOrderCancel(x);
                return true;
            case ItchMessageType.OrderDelete when OrderDelete.TryRead(message, out var d):
                handler.OnOrderDelete(d);
                return true;
            case ItchMessageType.OrderReplace when OrderReplace.TryRead(message, out var u):
                handler.OnOrderReplace(u);
                return true;
            case ItchMessageType.Trade when Trade.TryRead(message, out var p):
                handler.OnTrade(p);
                return true;
            default:
                return false;
        }
    }
}
