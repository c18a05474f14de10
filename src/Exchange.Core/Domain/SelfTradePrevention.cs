namespace Exchange.Core.Domain;

/// <summary>What happens when an incoming order would trade with a resting order of the same account.
/// The incoming (taker) order's mode decides.</summary>
public enum SelfTradePrevention : byte
{
    /// <summary>Self-trades are allowed.</summary>
    None = 0,
    /// <summary>Cancel the incoming order's remaining quantity; the resting order stays.</summary>
    CancelNewest = 1,
    /// <summary>Cancel the resting order; the incoming order goes on matching.</summary>
    CancelOldest = 2,
    /// <summary>Cancel both.</summary>
    CancelBoth = 3,
    /// <summary>Reduce both by the smaller quantity without a trade; an order reduced to zero is cancelled.</summary>
    Decrement = 4,
}
