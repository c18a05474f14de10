namespace Exchange.MarketData.Views;

/// <summary>One OHLCV bar: trades with engine time in [<see cref="Start"/>, Start + interval), prices fixed-point.</summary>
public readonly record struct Bar(long Start, long Open, long High, long Low, long Close, long Volume, int TradeCount);
