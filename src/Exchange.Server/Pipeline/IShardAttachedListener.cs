using Exchange.Core.Matching;

namespace Exchange.Server.Pipeline;

/// <summary>A listener that must see a shard's recovered engine state before that shard's events (market data seeds its
/// views from it). <see cref="ShardNode.Start"/> calls <see cref="Attach"/> once per shard, on the starting thread, after
/// recovery and before the pipeline runs (the engine is idle), and registers the listener it returns for that shard.</summary>
public interface IShardAttachedListener : IEventListener
{
    IEventListener Attach(int shard, MatchingEngine engine);
}
