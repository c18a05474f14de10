namespace Exchange.MarketData.Views;

/// <summary>Statistics of the trades seen since the market-data service started (a restart begins a new session
/// view; the last price survives through the engine's recovered state): open, high, low, last, volume, trade
/// count and VWAP. VWAP = Σ(price × quantity) / Σ quantity in exact 128-bit integer arithmetic, rounded half
/// away from zero to a price unit (10^-8). All prices fixed-point; 0 = no trade yet.</summary>
public sealed class SessionStatistics
{
    private Int128 _notional;

    public long Open { get; private set; }

    public long High { get; private set; }

    public long Low { get; private set; }

    /// <summary>Last trade price (also the engine's recovered last price before the first trade of the session).</summary>
    public long Last { get; internal set; }

    public long Volume { get; private set; }

    public long TradeCount { get; private set; }

    public long Vwap => Volume == 0 ? 0 : (long)((_notional * 2 + Volume) / (2 * (Int128)Volume));

    public void Add(long price, long quantity)
    {
        if (TradeCount == 0)
        {
            Open = High = Low = price;
        }
        High = Math.Max(High, price);
        Low = Math.Min(Low, price);
        Last = price;
        Volume += quantity;
        TradeCount++;
        _notional += (Int128)price * quantity;
    }
}
