using Exchange.Core.Domain;

namespace Exchange.Binary.Messages;

/// <summary>Why a client message was refused (u16 in <see cref="OrderRejected"/>). 1–99 are the engine's
/// <see cref="RejectReason"/> values, unchanged; 100 and up are the gateway's own, for messages that never
/// reached the engine.</summary>
public enum BinaryRejectReason : ushort
{
    None = 0,
    UnknownSymbol = RejectReason.UnknownSymbol,
    InstrumentHalted = RejectReason.InstrumentHalted,
    InstrumentClosed = RejectReason.InstrumentClosed,
    InvalidOrder = RejectReason.InvalidOrder,
    QuantityOffLot = RejectReason.QuantityOffLot,
    QuantityOutOfRange = RejectReason.QuantityOutOfRange,
    InvalidDisplayQuantity = RejectReason.InvalidDisplayQuantity,
    InvalidPrice = RejectReason.InvalidPrice,
    PriceOffTick = RejectReason.PriceOffTick,
    InvalidExpireTime = RejectReason.InvalidExpireTime,
    DuplicateClientOrderId = RejectReason.DuplicateClientOrderId,
    UnknownOrder = RejectReason.UnknownOrder,
    PostOnlyWouldTake = RejectReason.PostOnlyWouldTake,
    InvalidOcoLink = RejectReason.InvalidOcoLink,
    ReplaceQuantityTooLow = RejectReason.ReplaceQuantityTooLow,
    InvalidInstrument = RejectReason.InvalidInstrument,
    UnknownCommand = RejectReason.UnknownCommand,
    InsufficientFunds = RejectReason.InsufficientFunds,
    InsufficientPosition = RejectReason.InsufficientPosition,
    OrderQuantityLimit = RejectReason.OrderQuantityLimit,
    OrderNotionalLimit = RejectReason.OrderNotionalLimit,
    FatFingerPrice = RejectReason.FatFingerPrice,
    OpenOrderLimit = RejectReason.OpenOrderLimit,
    CreditLimit = RejectReason.CreditLimit,
    AccountBlocked = RejectReason.AccountBlocked,
    PriceOutsideBand = RejectReason.PriceOutsideBand,
    TradingPaused = RejectReason.TradingPaused,
    NoPriceProtection = RejectReason.NoPriceProtection,
    InvalidOperatorCommand = RejectReason.InvalidOperatorCommand,

    /// <summary>The exchange's inbound queue was full: nothing was entered; send again later.</summary>
    Busy = 100,
    /// <summary>Over the order-entry rate limit: nothing was entered.</summary>
    RateLimited = 101,
    /// <summary>The first byte is not a known client message type.</summary>
    UnknownMessageType = 102,
    /// <summary>Wrong length for its type, or a field out of its domain (enum value, non-ASCII id or symbol).</summary>
    MalformedMessage = 103,
}
