using Exchange.MarketData.Views;

namespace Exchange.MarketData.Service;

/// <summary>Something the market-data thread publishes to (the WebSocket hub, the binary feed). Called on the
/// market-data thread only; must not block.</summary>
public interface IMarketDataPublisher
{
    /// <summary>After a batch of events has been applied: publish what changed. Instruments of a shard that is in the
    /// middle of a command are skipped (<see cref="MarketDataViews.IsMidCommand"/>) and published with the next batch.
    /// A publisher may hold changes back for a publication interval (the WebSocket hub).</summary>
    void Publish(MarketDataViews views);

    /// <summary>Publish everything held back now, ignoring any publication interval (instruments of a shard that is
    /// mid-command are still skipped): <see cref="MarketDataService.WaitUntilIdle"/> promises a published state.</summary>
    void Flush(MarketDataViews views) => Publish(views);

    /// <summary>Publish <paramref name="view"/>'s held-back changes now (its shard is between commands): an answer about
    /// to be built from the views carries the channels' sequence numbers, so it must not include unpublished changes.</summary>
    void FlushInstrument(MarketDataViews views, InstrumentView view)
    {
    }

    /// <summary>About every 10 ms, and after each batch: heartbeats and other timed work.</summary>
    void OnTimer(long nowTicks);

    /// <summary>The service is stopping: last messages (end of session).</summary>
    void OnStop();
}
