using Exchange.Core.Domain;

namespace Exchange.Server.Script;

/// <summary>The console's text for engine enums (camelCase), in both directions. Written out case by case
/// rather than derived from enum names so that renaming a C# member cannot silently change the format.</summary>
internal static class ScriptNames
{
    public static string Of(Side side) => side switch
    {
        Side.Buy => "buy",
        Side.Sell => "sell",
        _ => Number(side),
    };

    public static string Of(OrderType type) => type switch
    {
        OrderType.Limit => "limit",
        OrderType.Market => "market",
        OrderType.Stop => "stop",
        OrderType.StopLimit => "stopLimit",
        _ => Number(type),
    };

    public static string Of(TimeInForce tif) => tif switch
    {
        TimeInForce.Gtc => "gtc",
        TimeInForce.Ioc => "ioc",
        TimeInForce.Fok => "fok",
        TimeInForce.Day => "day",
        TimeInForce.Gtd => "gtd",
        _ => Number(tif),
    };

    public static string Of(TradingStatus status) => status switch
    {
        TradingStatus.Open => "open",
        TradingStatus.Halted => "halted",
        TradingStatus.Closed => "closed",
        _ => Number(status),
    };

    public static string Of(RejectReason reason) => reason switch
    {
        RejectReason.UnknownSymbol => "unknownSymbol",
        RejectReason.InstrumentHalted => "instrumentHalted",
        RejectReason.InstrumentClosed => "instrumentClosed",
        RejectReason.InvalidOrder => "invalidOrder",
        RejectReason.QuantityOffLot => "quantityOffLot",
        RejectReason.QuantityOutOfRange => "quantityOutOfRange",
        RejectReason.InvalidDisplayQuantity => "invalidDisplayQuantity",
        RejectReason.InvalidPrice => "invalidPrice",
        RejectReason.PriceOffTick => "priceOffTick",
        RejectReason.InvalidExpireTime => "invalidExpireTime",
        RejectReason.DuplicateClientOrderId => "duplicateClientOrderId",
        RejectReason.UnknownOrder => "unknownOrder",
        RejectReason.PostOnlyWouldTake => "postOnlyWouldTake",
        RejectReason.InvalidOcoLink => "invalidOcoLink",
        RejectReason.ReplaceQuantityTooLow => "replaceQuantityTooLow",
        RejectReason.InvalidInstrument => "invalidInstrument",
        RejectReason.UnknownCommand => "unknownCommand",
        _ => Number(reason),
    };

    public static string Of(CancelReason reason) => reason switch
    {
        CancelReason.Requested => "requested",
        CancelReason.ImmediateOrCancel => "immediateOrCancel",
        CancelReason.FillOrKill => "fillOrKill",
        CancelReason.NoLiquidity => "noLiquidity",
        CancelReason.Collar => "collar",
        CancelReason.MassCancel => "massCancel",
        CancelReason.SelfTrade => "selfTrade",
        CancelReason.Oco => "oco",
        CancelReason.EndOfDay => "endOfDay",
        CancelReason.Expired => "expired",
        _ => Number(reason),
    };

    public static bool TryParse(string text, out Side side)
    {
        side = text switch
        {
            "buy" => Side.Buy,
            "sell" => Side.Sell,
            _ => default,
        };
        return side != default;
    }

    public static bool TryParse(string text, out OrderType type)
    {
        type = text switch
        {
            "limit" => OrderType.Limit,
            "market" => OrderType.Market,
            "stop" => OrderType.Stop,
            "stopLimit" => OrderType.StopLimit,
            _ => default,
        };
        return type != default;
    }

    public static bool TryParse(string text, out TimeInForce tif)
    {
        tif = text switch
        {
            "gtc" => TimeInForce.Gtc,
            "ioc" => TimeInForce.Ioc,
            "fok" => TimeInForce.Fok,
            "day" => TimeInForce.Day,
            "gtd" => TimeInForce.Gtd,
            _ => default,
        };
        return tif != default;
    }

    public static bool TryParse(string text, out TradingStatus status)
    {
        status = text switch
        {
            "open" => TradingStatus.Open,
            "halted" => TradingStatus.Halted,
            "closed" => TradingStatus.Closed,
            _ => default,
        };
        return status != default;
    }

    public static bool TryParse(string text, out SelfTradePrevention stp)
    {
        // None is the enum's zero value, so success cannot be read off the result.
        switch (text)
        {
            case "none": stp = SelfTradePrevention.None; return true;
            case "cancelNewest": stp = SelfTradePrevention.CancelNewest; return true;
            case "cancelOldest": stp = SelfTradePrevention.CancelOldest; return true;
            case "cancelBoth": stp = SelfTradePrevention.CancelBoth; return true;
            case "decrement": stp = SelfTradePrevention.Decrement; return true;
            default: stp = default; return false;
        }
    }

    // An undefined value is written as its number rather than hidden, so a new engine enum member shows up.
    private static string Number<T>(T value) where T : struct, Enum =>
        Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
