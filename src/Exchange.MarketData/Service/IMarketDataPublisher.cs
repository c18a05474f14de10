using Exchange.MarketData.Views;

namespace Exchange.MarketData.Service;

/// <summary>Something the market-data thread publishes to (the WebSocket hub, the binary feed). Called on the
/// market-data thread only; must not block.</summary>
public interface IMarketDataPublisher
{
    /// <summary>After a batch of events has been applied: publish what changed. Instruments of a shard that is in the
    /// middle of a command are skipped (<see cref="MarketDataViews.IsMidCommand"/>) and published with the next batch.</summary>
    void Publish(MarketDataViews views);

    /// <summary>About every 10 ms, and after each batch: heartbeats and other timed work.</summary>
    void OnTimer(long nowTicks);

    /// <summary>The service is stopping: last messages (end of session).</summary>
    void OnStop();
}
