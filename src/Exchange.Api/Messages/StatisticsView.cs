namespace Exchange.Api.Messages;

/// <summary>Session statistics as sent on the status channel; prices fixed-point (10^-8), 0 = no trade yet.</summary>
public readonly record struct StatisticsView(long Open, long High, long Low, long Last, long Volume, long Vwap, long TradeCount);
