using Exchange.Core.Events;
using Exchange.MarketData.Views;

namespace Exchange.MarketData.Service;

/// <summary>Sees every engine event the market-data thread takes from its queue, after the views have applied it (on the
/// market-data thread; must not block). The private order channel of the WebSocket hub uses it: account fields never
/// reach the views.</summary>
public interface IEngineEventObserver
{
    void OnEngineEvent(MarketDataViews views, int shard, in EngineEvent e);

    /// <summary>A shard's start state, after the views loaded it; its events follow.</summary>
    void OnSeed(MarketDataViews views, ShardSeed seed);
}
