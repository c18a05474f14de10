namespace Exchange.MarketData.Views;

/// <summary>Told of every public change as <see cref="MarketDataViews"/> applies engine events, in order, on the
/// market-data thread (the binary feed is one). Must not block.</summary>
public interface IMarketDataObserver
{
    /// <summary>An instrument appeared (declared, or found in the engine state at start).</summary>
    void OnInstrument(InstrumentView view, long timestamp);

    void OnStatus(InstrumentView view, long timestamp);

    void OnBookUpdate(InstrumentView view, in BookUpdate update, long timestamp);

    void OnTrade(InstrumentView view, in TradePrint trade);
}
