namespace Exchange.Core.Domain;

/// <summary>Which limit a <see cref="Commands.CommandType.SetLimit"/> command sets (to Command.Quantity; 0 = no limit
/// unless stated). Account limits need Account (and no Symbol); instrument limits need Symbol (and Account 0).
/// Rules: docs/risk.md.</summary>
public enum RiskLimit : byte
{
    None = 0,

    // Account limits.
    /// <summary>Largest quantity of one order.</summary>
    AccountMaxOrderQuantity = 1,
    /// <summary>Largest notional (price × quantity, fixed-point cash units) of one order.</summary>
    AccountMaxOrderNotional = 2,
    /// <summary>Most live orders (resting and untriggered stops) at once.</summary>
    AccountMaxOpenOrders = 3,
    /// <summary>Most cash the account's open buy orders may hold at once, per currency (fixed-point cash units).</summary>
    AccountCreditLimit = 4,
    /// <summary>How far below zero the account's position in any instrument may go (quantity; 0 = no short selling).</summary>
    AccountShortSellLimit = 5,
    /// <summary>Fee charged when the account's order rests and is traded against, in basis points (0..1000).</summary>
    AccountMakerFeeBps = 6,
    /// <summary>Fee charged when the account's incoming order trades, in basis points (0..1000).</summary>
    AccountTakerFeeBps = 7,

    // Instrument limits.
    /// <summary>Largest quantity of one order (in addition to the instrument's maximum quantity).</summary>
    InstrumentMaxOrderQuantity = 32,
    /// <summary>Largest notional of one order.</summary>
    InstrumentMaxOrderNotional = 33,
    /// <summary>Fat-finger band: a limit (or stop) price further than this many basis points from the reference price is rejected.</summary>
    InstrumentPriceBandBps = 34,
    /// <summary>Limit Up-Limit Down tier: 1 (±5% above 3.00), 2 (±10% above 3.00), 0 = no price bands.</summary>
    InstrumentLuldTier = 35,
    /// <summary>Volume spike alert: volume of the last minute above this multiple of the average minute before it (0 = off).</summary>
    InstrumentVolumeSpikeMultiple = 36,
    /// <summary>Imbalance alert: one side holds at least this percentage of the visible quantity of the best 5 levels (0 = off).</summary>
    InstrumentImbalancePercent = 37,
    /// <summary>Short-term move levels: level 1 at this move (basis points, default 500 = 5%), level 2 above twice it,
    /// level 3 above four times it (0 = off).</summary>
    InstrumentMoveLevelBps = 38,
}
