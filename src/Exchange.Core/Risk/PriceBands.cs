using Exchange.Core.Domain;

namespace Exchange.Core.Risk;

/// <summary>Limit Up-Limit Down price bands (docs/risk.md): from a reference price, the band is ±5% (tier 1) or
/// ±10% (tier 2) above 3.00; ±20% from 0.75 to 3.00; the lesser of 0.15 or 75% below 0.75. Bands are rounded to the
/// tick inwards (lower band up, upper band down), so every band price is a valid price inside the band.</summary>
public static class PriceBands
{
    public static readonly long HighPriceFloor = Price.Parse("3.00");
    public static readonly long LowPriceCeiling = Price.Parse("0.75");
    public static readonly long LowPriceCap = Price.Parse("0.15");

    /// <summary>Band half-width in basis points for references above 3.00, by tier (index 1 and 2).</summary>
    public static ReadOnlySpan<int> HighPriceBps => [0, 500, 1000];

    public const int MidPriceBps = 2000;
    public const int LowPriceBps = 7500;

    /// <summary>Half-width of the band around <paramref name="reference"/> (fixed-point), before tick rounding.</summary>
    public static long Width(long reference, int tier)
    {
        if (reference > HighPriceFloor)
        {
            return Matching.MatchingEngine.BasisPointsOf(reference, HighPriceBps[tier]);
        }
        if (reference >= LowPriceCeiling)
        {
            return Matching.MatchingEngine.BasisPointsOf(reference, MidPriceBps);
        }
        return Math.Min(LowPriceCap, Matching.MatchingEngine.BasisPointsOf(reference, LowPriceBps));
    }

    /// <summary>The band around <paramref name="reference"/> for <paramref name="tier"/> (1 or 2), rounded inwards to
    /// <paramref name="tick"/>. The lower band is at least one tick.</summary>
    public static (long Lower, long Upper) For(long reference, int tier, long tick)
    {
        long width = Width(reference, tier);
        long lower = reference - width;
        long remainder = lower % tick;
        if (remainder != 0)
        {
            lower += tick - remainder;
        }
        long upper = reference + width;
        upper -= upper % tick;
        return (Math.Max(lower, tick), upper);
    }
}
