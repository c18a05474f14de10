using Exchange.Core.Events;
using Exchange.MarketData.Views;

namespace Exchange.MarketData.Service;

/// <summary>One item of the market-data queue: an engine event of a shard (with the command boundary) or a shard's
/// start state.</summary>
internal readonly struct MarketDataInput
{
    public readonly EngineEvent Event;
    public readonly ShardSeed? Seed;
    public readonly int Shard;
    public readonly bool LastOfCommand;

    public MarketDataInput(int shard, in EngineEvent e, bool lastOfCommand)
    {
        Shard = shard;
        Event = e;
        LastOfCommand = lastOfCommand;
    }

    public MarketDataInput(ShardSeed seed)
    {
        Seed = seed;
        Shard = seed.Shard;
    }
}
