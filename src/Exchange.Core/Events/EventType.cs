namespace Exchange.Core.Events;

/// <summary>What an <see cref="EngineEvent"/> reports.</summary>
public enum EventType : byte
{
    /// <summary>An instrument was declared (Symbol, Price = reference price).</summary>
    InstrumentAdded = 1,
    /// <summary>An order was accepted; stop orders rest untriggered until <see cref="Triggered"/>.</summary>
    Accepted = 2,
    /// <summary>A command was refused with <see cref="EngineEvent.RejectReason"/> and changed nothing.</summary>
    Rejected = 3,
    /// <summary>A trade between the incoming (taker) order and a resting (maker) order, at the maker's price.</summary>
    Trade = 4,
    /// <summary>An order's remaining quantity was cancelled (<see cref="EngineEvent.CancelReason"/>).</summary>
    Cancelled = 5,
    /// <summary>An order was replaced (amended).</summary>
    Replaced = 6,
    /// <summary>A DAY or good-till-date order left the book at its time.</summary>
    Expired = 7,
    /// <summary>A stop order's trigger price was reached; it now enters the book as a market or limit order.</summary>
    Triggered = 8,
    /// <summary>An iceberg order showed a new slice, which went to the back of its price level.</summary>
    Replenished = 9,
    /// <summary>Self-trade prevention (decrement) reduced an order's remaining quantity without a trade.</summary>
    Reduced = 10,
    /// <summary>An instrument's trading status changed.</summary>
    StatusChanged = 11,
    /// <summary>A mass cancel finished; Quantity holds the number of orders it cancelled.</summary>
    MassCancelled = 12,
    /// <summary>A market-integrity alert (<see cref="EngineEvent.Alert"/>): limit state, move levels, volume spike,
    /// imbalance, kill switch.</summary>
    Alert = 13,
    /// <summary>A deposit or withdrawal was applied: Account, Currency (cash) or Symbol (position), Quantity = signed
    /// change, LeavesQuantity = new balance.</summary>
    BalanceChanged = 14,
    /// <summary>A <see cref="Domain.RiskLimit"/> was set: Account or Symbol, Limit, Quantity = new value.</summary>
    LimitChanged = 15,
    /// <summary>Accounts, pre-trade risk and circuit breakers are on from now.</summary>
    RiskEnabled = 16,
}
