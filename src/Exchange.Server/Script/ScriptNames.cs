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
        TradingStatus.Paused => "paused",
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
        RejectReason.InsufficientFunds => "insufficientFunds",
        RejectReason.InsufficientPosition => "insufficientPosition",
        RejectReason.OrderQuantityLimit => "orderQuantityLimit",
        RejectReason.OrderNotionalLimit => "orderNotionalLimit",
        RejectReason.FatFingerPrice => "fatFingerPrice",
        RejectReason.OpenOrderLimit => "openOrderLimit",
        RejectReason.CreditLimit => "creditLimit",
        RejectReason.AccountBlocked => "accountBlocked",
        RejectReason.PriceOutsideBand => "priceOutsideBand",
        RejectReason.TradingPaused => "tradingPaused",
        RejectReason.NoPriceProtection => "noPriceProtection",
        RejectReason.InvalidOperatorCommand => "invalidOperatorCommand",
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
        CancelReason.KillSwitch => "killSwitch",
        CancelReason.CircuitBreaker => "circuitBreaker",
        _ => Number(reason),
    };

    public static string Of(AlertKind kind) => kind switch
    {
        AlertKind.Operator => "operator",
        AlertKind.LimitStateEntered => "limitStateEntered",
        AlertKind.LimitStateExited => "limitStateExited",
        AlertKind.LimitStatePause => "limitStatePause",
        AlertKind.MoveLevel1 => "moveLevel1",
        AlertKind.MoveLevel2 => "moveLevel2",
        AlertKind.MoveLevel3 => "moveLevel3",
        AlertKind.VolumeSpike => "volumeSpike",
        AlertKind.Imbalance => "imbalance",
        AlertKind.PauseEnded => "pauseEnded",
        AlertKind.KillSwitch => "killSwitch",
        _ => Number(kind),
    };

    public static string Of(RiskLimit limit) => limit switch
    {
        RiskLimit.AccountMaxOrderQuantity or RiskLimit.InstrumentMaxOrderQuantity => "maxOrderQty",
        RiskLimit.AccountMaxOrderNotional or RiskLimit.InstrumentMaxOrderNotional => "maxOrderNotional",
        RiskLimit.AccountMaxOpenOrders => "maxOpenOrders",
        RiskLimit.AccountCreditLimit => "creditLimit",
        RiskLimit.AccountShortSellLimit => "shortSellLimit",
        RiskLimit.AccountMakerFeeBps => "makerFeeBps",
        RiskLimit.AccountTakerFeeBps => "takerFeeBps",
        RiskLimit.InstrumentPriceBandBps => "priceBandBps",
        RiskLimit.InstrumentLuldTier => "luldTier",
        RiskLimit.InstrumentVolumeSpikeMultiple => "volumeSpikeMultiple",
        RiskLimit.InstrumentImbalancePercent => "imbalancePercent",
        RiskLimit.InstrumentMoveLevelBps => "moveLevelBps",
        _ => Number(limit),
    };

    /// <summary>A limit name of an account (<paramref name="ofAccount"/>) or of an instrument.</summary>
    public static bool TryParse(string text, bool ofAccount, out RiskLimit limit)
    {
        limit = (text, ofAccount) switch
        {
            ("maxOrderQty", true) => RiskLimit.AccountMaxOrderQuantity,
            ("maxOrderNotional", true) => RiskLimit.AccountMaxOrderNotional,
            ("maxOpenOrders", true) => RiskLimit.AccountMaxOpenOrders,
            ("creditLimit", true) => RiskLimit.AccountCreditLimit,
            ("shortSellLimit", true) => RiskLimit.AccountShortSellLimit,
            ("makerFeeBps", true) => RiskLimit.AccountMakerFeeBps,
            ("takerFeeBps", true) => RiskLimit.AccountTakerFeeBps,
            ("maxOrderQty", false) => RiskLimit.InstrumentMaxOrderQuantity,
            ("maxOrderNotional", false) => RiskLimit.InstrumentMaxOrderNotional,
            ("priceBandBps", false) => RiskLimit.InstrumentPriceBandBps,
            ("luldTier", false) => RiskLimit.InstrumentLuldTier,
            ("volumeSpikeMultiple", false) => RiskLimit.InstrumentVolumeSpikeMultiple,
            ("imbalancePercent", false) => RiskLimit.InstrumentImbalancePercent,
            ("moveLevelBps", false) => RiskLimit.InstrumentMoveLevelBps,
            _ => RiskLimit.None,
        };
        return limit != RiskLimit.None;
    }

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
