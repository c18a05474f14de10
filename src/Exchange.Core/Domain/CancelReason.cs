namespace Exchange.Core.Domain;

/// <summary>Why an order left the book without being filled.</summary>
public enum CancelReason : byte
{
    None = 0,
    /// <summary>Cancelled by its owner.</summary>
    Requested = 1,
    /// <summary>Remainder of an IOC order (or a market order, which is always immediate).</summary>
    ImmediateOrCancel = 2,
    /// <summary>A fill-or-kill order that could not fill completely.</summary>
    FillOrKill = 3,
    /// <summary>A market order's remainder when the opposite side ran out.</summary>
    NoLiquidity = 4,
    /// <summary>A market order's remainder that would have traded through the protection collar.</summary>
    Collar = 5,
    /// <summary>Mass cancel by account, account and symbol, or symbol.</summary>
    MassCancel = 6,
    /// <summary>Self-trade prevention.</summary>
    SelfTrade = 7,
    /// <summary>The other leg of its OCO pair traded, triggered or was cancelled.</summary>
    Oco = 8,
    /// <summary>Day order removed by the end-of-day command.</summary>
    EndOfDay = 9,
    /// <summary>Good-till-date order whose time came.</summary>
    Expired = 10,
    /// <summary>The account's kill switch was set.</summary>
    KillSwitch = 11,
    /// <summary>A circuit breaker: a Level 2 pause (untriggered stop orders) or a Level 3 halt (every order).</summary>
    CircuitBreaker = 12,
}
