using Exchange.Core.Matching;
using Exchange.Server.MarketData;
using Exchange.Server.Pipeline;

namespace Exchange.Server.Serve;

/// <summary>The market-data listener of a <see cref="MarketDataNode"/> that is still starting (its HTTP host, feed and
/// servers start on the thread pool while the shards recover): <see cref="Attach"/>, which each shard calls after its
/// recovery and before its pipeline runs, waits for the node, so no event can reach market data before it exists.
/// Rethrows the node's start failure.</summary>
internal sealed class PendingMarketDataListener(Task<MarketDataNode> starting) : IShardAttachedListener
{
    public IEventListener Attach(int shard, MatchingEngine engine) => starting.GetAwaiter().GetResult().Listener.Attach(shard, engine);

    /// <summary>Not used: each shard gets its own listener from <see cref="Attach"/>.</summary>
    public void OnEvent(in OutboundSlot slot) => throw new InvalidOperationException("Attach the listener to a shard first.");
}
