namespace Exchange.Binary.Messages;

/// <summary>Why the exchange changed a working order without a trade (byte 2 of <see cref="OrderRestated"/>).</summary>
public enum RestatementReason : byte
{
    /// <summary>A stop order's trigger price traded: it now works as a market or limit order.</summary>
    Triggered = 1,
    /// <summary>An iceberg showed a new slice (DisplayQuantity), which went to the back of its price level.</summary>
    Replenished = 2,
    /// <summary>Self-trade prevention (decrement) reduced the order by Quantity without a trade.</summary>
    Reduced = 3,
}
