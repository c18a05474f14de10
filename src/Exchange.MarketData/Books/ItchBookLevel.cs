using Exchange.MarketData.Itch;

namespace Exchange.MarketData.Books;

/// <summary>One aggregated price level: the ITCH Price(4) and the total displayed shares resting there.</summary>
public readonly record struct ItchBookLevel(uint Price, long Shares)
{
    /// <summary>The price in the engine's 8-decimal fixed point.</summary>
    public long EnginePrice => ItchPrice.ToEngine(Price);
}
