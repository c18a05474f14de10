namespace Exchange.Binary.Messages;

/// <summary>Which side of a trade an execution was on.</summary>
public enum Liquidity : byte
{
    /// <summary>The resting order (maker).</summary>
    Added = (byte)'A',
    /// <summary>The incoming order (taker).</summary>
    Removed = (byte)'R',
}
