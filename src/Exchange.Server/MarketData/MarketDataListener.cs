using Exchange.Core.Matching;
using Exchange.MarketData.Service;
using Exchange.MarketData.Views;
using Exchange.Server.Pipeline;

namespace Exchange.Server.MarketData;

/// <summary>Connects the pipeline to the market-data thread: per shard, seeds the views from the recovered engine, then
/// posts every durable event with its command boundary. Never waits: a full queue drops the event (counted, and seen
/// as a sequence gap by the views).</summary>
public sealed class MarketDataListener(MarketDataService service) : IShardAttachedListener
{
    public IEventListener Attach(int shard, MatchingEngine engine)
    {
        service.PostSeed(ShardSeed.Capture(shard, engine));
        return new ShardListener(service, shard);
    }

    /// <summary>Not used: each shard gets its own listener from <see cref="Attach"/>.</summary>
    public void OnEvent(in OutboundSlot slot) => throw new InvalidOperationException("Attach the listener to a shard first.");

    private sealed class ShardListener(MarketDataService service, int shard) : IEventListener
    {
        public void OnEvent(in OutboundSlot slot) => service.TryPost(shard, in slot.Event, slot.LastOfCommand);
    }
}
