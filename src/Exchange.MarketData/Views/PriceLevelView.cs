namespace Exchange.MarketData.Views;

/// <summary>One aggregated price level (L2): visible quantity and number of orders; quantity 0 in an update means
/// the level is gone.</summary>
public readonly record struct PriceLevelView(long Price, long Quantity, int OrderCount);
