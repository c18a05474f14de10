namespace Exchange.MarketData.Itch;

/// <summary>Converts ITCH Price(4) — a u32 with 4 implied decimals — to and from the engine's fixed-point
/// <c>long</c> with 8 decimals (<see cref="Exchange.Core.Domain.Price"/>). Integer arithmetic only, so exact.</summary>
public static class ItchPrice
{
    /// <summary>Engine units per ITCH unit: 10^8 / 10^4.</summary>
    public const long EngineUnitsPerItchUnit = Exchange.Core.Domain.Price.Scale / 10_000;

    /// <summary>Every u32 converts exactly: 123.4500 (1_234_500) becomes 12_345_000_000.</summary>
    public static long ToEngine(uint itchPrice) => itchPrice * EngineUnitsPerItchUnit;

    /// <summary>Fails, rather than rounds, when <paramref name="enginePrice"/> is negative, has more than
    /// four decimals, or exceeds the u32 range (429,496.7295).</summary>
    public static bool TryFromEngine(long enginePrice, out uint itchPrice)
    {
        itchPrice = 0;
        if (enginePrice < 0 || enginePrice % EngineUnitsPerItchUnit != 0)
        {
            return false;
        }
        long units = enginePrice / EngineUnitsPerItchUnit;
        if (units > uint.MaxValue)
        {
            return false;
        }
        itchPrice = (uint)units;
        return true;
    }
}
