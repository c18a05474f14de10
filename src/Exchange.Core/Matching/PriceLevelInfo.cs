namespace Exchange.Core.Matching;

/// <summary>Aggregated visible quantity at one price (L2).</summary>
public readonly record struct PriceLevelInfo(long Price, long VisibleQuantity, int OrderCount);
