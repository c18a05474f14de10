using System.Buffers;
using System.Text.Json;
using Exchange.Core.Domain;
using Exchange.Core.Events;
using Exchange.MarketData.Views;

namespace Exchange.Api.Messages;

/// <summary>JSON messages of the private <c>orders</c> channel (docs/market-data.md): one message per engine event of
/// one account's order, seen from that account's side (for a trade, the taker's or the maker's order).</summary>
public static class OrderUpdateCodec
{
    /// <summary>Whether <paramref name="e"/> is an update of an order of <paramref name="account"/> sent on its channel
    /// (Rejected and MassCancelled are answers to their submitter, given by the order-entry gateways only).</summary>
    public static bool Concerns(in EngineEvent e, long account) => e.Type switch
    {
        EventType.Accepted or EventType.Cancelled or EventType.Replaced or EventType.Expired or EventType.Triggered
            or EventType.Replenished or EventType.Reduced => e.Account == account,
        EventType.Trade => e.Account == account || e.MakerAccount == account,
        _ => false,
    };

    /// <summary>The update of <paramref name="e"/> for one account. A trade of an account with itself gives two
    /// updates: <paramref name="maker"/> false for the taker's order, true for the maker's.</summary>
    public static byte[] Encode(in EngineEvent e, int shard, string account, long sequence, bool maker, int priceDecimals)
    {
        var buffer = new ArrayBufferWriter<byte>(320);
        using (var w = new Utf8JsonWriter(buffer))
        {
            Write(w, in e, shard, account, sequence, maker, priceDecimals);
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(Utf8JsonWriter w, in EngineEvent e, int shard, string account, long sequence, bool maker, int decimals)
    {
        long orderId = maker ? e.MakerOrderId : e.OrderId;
        var clientId = maker ? e.MakerClientId : e.ClientId;
        var side = maker ? (e.Side == Side.Buy ? Side.Sell : Side.Buy) : e.Side;
        long leaves = maker ? e.MakerLeavesQuantity : e.LeavesQuantity;
        long filled = maker ? e.MakerFilledQuantity : e.FilledQuantity;
        w.WriteStartObject();
        w.WriteString("type", "update");
        w.WriteString("channel", "orders");
        w.WriteString("account", account);
        w.WriteNumber("seq", sequence);
        w.WriteNumber("time", e.Timestamp);
        w.WriteString("event", EventName(e.Type));
        w.WriteString("symbol", e.Symbol.ToString());
        w.WriteNumber("orderId", PublicOrderId.Of(shard, orderId));
        w.WriteString("clientId", clientId.ToString());
        w.WriteString("side", JsonMessageCodec.SideName(side));
        w.WriteString("status", Status(e.Type, leaves, filled));
        switch (e.Type)
        {
            case EventType.Trade:
                w.WriteNumber("tradeId", e.TradeId);
                w.WriteString("tradePrice", Price.Format(e.Price, decimals));
                w.WriteNumber("tradeQty", e.Quantity);
                w.WriteString("liquidity", maker ? "maker" : "taker");
                break;
            case EventType.Accepted or EventType.Replaced:
                w.WriteString("orderType", OrderTypeName(e.OrderType));
                w.WriteString("timeInForce", TimeInForceName(e.TimeInForce));
                WritePrices(w, in e, decimals);
                w.WriteNumber("qty", e.Quantity);
                w.WriteNumber("display", e.DisplayQuantity);
                if (e.Type == EventType.Replaced)
                {
                    w.WriteString("origClientId", e.OrigClientId.ToString());
                    w.WriteBoolean("priorityKept", e.PriorityKept);
                }
                break;
            case EventType.Cancelled or EventType.Expired:
                w.WriteNumber("cancelledQty", e.Quantity);
                w.WriteString("reason", CancelReasonName(e.CancelReason));
                break;
            case EventType.Reduced:
                w.WriteNumber("reducedQty", e.Quantity);
                w.WriteNumber("display", e.DisplayQuantity);
                break;
            case EventType.Replenished:
                w.WriteNumber("display", e.DisplayQuantity);
                break;
            case EventType.Triggered when e.Price != 0: // a stop-limit's limit; a stop becomes a market order
                w.WriteString("price", Price.Format(e.Price, decimals));
                break;
        }
        w.WriteNumber("leaves", leaves);
        w.WriteNumber("filled", filled);
        w.WriteEndObject();
    }

    /// <summary>The account's open orders when a subscription starts, carrying the sequence of the last update they include.</summary>
    public static byte[] EncodeSnapshot(string account, long sequence, IEnumerable<Exchange.Api.WebSockets.OpenOrder> orders, Func<Symbol, int> priceDecimals)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", "snapshot");
            w.WriteString("channel", "orders");
            w.WriteString("account", account);
            w.WriteNumber("seq", sequence);
            w.WriteStartArray("orders");
            foreach (var o in orders)
            {
                int decimals = priceDecimals(o.Symbol);
                w.WriteStartObject();
                w.WriteString("symbol", o.Symbol.ToString());
                w.WriteNumber("orderId", o.PublicId);
                w.WriteString("clientId", o.ClientId.ToString());
                w.WriteString("side", JsonMessageCodec.SideName(o.Side));
                w.WriteString("status", o.Filled > 0 ? "partiallyFilled" : "new");
                w.WriteString("orderType", OrderTypeName(o.OrderType));
                w.WriteString("timeInForce", TimeInForceName(o.TimeInForce));
                if (o.Price != 0)
                {
                    w.WriteString("price", Price.Format(o.Price, decimals));
                }
                if (o.StopPrice != 0)
                {
                    w.WriteString("stopPrice", Price.Format(o.StopPrice, decimals));
                }
                w.WriteNumber("qty", o.Quantity);
                w.WriteNumber("display", o.Display);
                w.WriteNumber("leaves", o.Leaves);
                w.WriteNumber("filled", o.Filled);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WritePrices(Utf8JsonWriter w, in EngineEvent e, int decimals)
    {
        if (e.Price != 0)
        {
            w.WriteString("price", Price.Format(e.Price, decimals));
        }
        if (e.StopPrice != 0)
        {
            w.WriteString("stopPrice", Price.Format(e.StopPrice, decimals));
        }
    }

    /// <summary>The order's state after the event.</summary>
    public static string Status(EventType type, long leaves, long filled) => type switch
    {
        EventType.Cancelled => "cancelled",
        EventType.Expired => "expired",
        _ when leaves == 0 => filled > 0 ? "filled" : "cancelled",
        _ when filled > 0 => "partiallyFilled",
        _ => "new",
    };

    public static string EventName(EventType type) => type switch
    {
        EventType.Accepted => "accepted",
        EventType.Trade => "fill",
        EventType.Cancelled => "cancelled",
        EventType.Replaced => "replaced",
        EventType.Expired => "expired",
        EventType.Triggered => "triggered",
        EventType.Replenished => "replenished",
        EventType.Reduced => "reduced",
        _ => type.ToString(),
    };

    private static string OrderTypeName(OrderType type) => type switch
    {
        OrderType.Limit => "limit",
        OrderType.Market => "market",
        OrderType.Stop => "stop",
        OrderType.StopLimit => "stopLimit",
        _ => "",
    };

    private static string TimeInForceName(TimeInForce tif) => tif switch
    {
        TimeInForce.Gtc => "gtc",
        TimeInForce.Ioc => "ioc",
        TimeInForce.Fok => "fok",
        TimeInForce.Day => "day",
        TimeInForce.Gtd => "gtd",
        _ => "",
    };

    private static string CancelReasonName(CancelReason reason) => reason switch
    {
        CancelReason.None => "none",
        CancelReason.ImmediateOrCancel => "immediateOrCancel",
        CancelReason.FillOrKill => "fillOrKill",
        CancelReason.NoLiquidity => "noLiquidity",
        CancelReason.MassCancel => "massCancel",
        CancelReason.SelfTrade => "selfTrade",
        CancelReason.Oco => "oco",
        CancelReason.EndOfDay => "endOfDay",
        CancelReason.KillSwitch => "killSwitch",
        CancelReason.CircuitBreaker => "circuitBreaker",
        var other => char.ToLowerInvariant(other.ToString()[0]) + other.ToString()[1..],
    };
}
