namespace Exchange.Core.Domain;

/// <summary>Why a command was rejected. A rejected command changes no state.</summary>
public enum RejectReason : byte
{
    None = 0,
    UnknownSymbol = 1,
    InstrumentHalted = 2,
    InstrumentClosed = 3,
    /// <summary>A field combination that is not allowed (e.g. market order with GTC, post-only IOC).</summary>
    InvalidOrder = 4,
    /// <summary>Quantity not a positive multiple of the lot size.</summary>
    QuantityOffLot = 5,
    /// <summary>Quantity below the instrument's minimum or above its maximum.</summary>
    QuantityOutOfRange = 6,
    /// <summary>Display quantity negative, larger than the quantity, or off lot.</summary>
    InvalidDisplayQuantity = 7,
    /// <summary>Price (or stop price) missing, zero or negative where one is required, or present where none is allowed.</summary>
    InvalidPrice = 8,
    /// <summary>Price (or stop price) not a multiple of the tick size.</summary>
    PriceOffTick = 9,
    /// <summary>Good-till-date order whose expire time is not after the command's time.</summary>
    InvalidExpireTime = 10,
    /// <summary>The account already has a live order with this client order id.</summary>
    DuplicateClientOrderId = 11,
    /// <summary>No live order with that client order id for this account. Also the answer for another account's order.</summary>
    UnknownOrder = 12,
    /// <summary>A post-only order (or its replace) would have taken liquidity.</summary>
    PostOnlyWouldTake = 13,
    /// <summary>The OCO partner is unknown, on another instrument, already linked, or the same order.</summary>
    InvalidOcoLink = 14,
    /// <summary>A replace whose new total quantity is not above the quantity already filled.</summary>
    ReplaceQuantityTooLow = 15,
    /// <summary>The instrument's symbol is already declared, or its specification is invalid.</summary>
    InvalidInstrument = 16,
    /// <summary>The command type is not known to the engine.</summary>
    UnknownCommand = 17,
    /// <summary>Risk: the account's available cash does not cover the order's hold (price × quantity + maximum fee).</summary>
    InsufficientFunds = 18,
    /// <summary>Risk: the account's available position (plus its short-sell limit) does not cover the sell.</summary>
    InsufficientPosition = 19,
    /// <summary>Risk: quantity above the account's or the instrument's maximum order quantity.</summary>
    OrderQuantityLimit = 20,
    /// <summary>Risk: notional above the account's or the instrument's maximum order notional (or beyond 64 bits).</summary>
    OrderNotionalLimit = 21,
    /// <summary>Risk: price outside the instrument's fat-finger band around the reference price.</summary>
    FatFingerPrice = 22,
    /// <summary>Risk: the account already has its maximum number of live orders.</summary>
    OpenOrderLimit = 23,
    /// <summary>Risk: the order would take the account's cash held for open buys above its credit limit.</summary>
    CreditLimit = 24,
    /// <summary>The account's kill switch is set: no new orders or replaces.</summary>
    AccountBlocked = 25,
    /// <summary>Limit Up-Limit Down: a buy above the upper or a sell below the lower price band.</summary>
    PriceOutsideBand = 26,
    /// <summary>The instrument is in a circuit-breaker trading pause.</summary>
    TradingPaused = 27,
    /// <summary>Risk: a market (or stop) buy with no bounded price to hold cash against (no collar, no band).</summary>
    NoPriceProtection = 28,
    /// <summary>An operator command (deposit, withdrawal, limit, kill switch, enable risk) with invalid fields or not
    /// allowed in the current state (e.g. a withdrawal larger than the available balance).</summary>
    InvalidOperatorCommand = 29,
}
