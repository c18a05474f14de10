using Exchange.Core.Domain;
using Exchange.Server.Configuration;

namespace Exchange.Server;

/// <summary>Which shard (engine thread) an instrument lives on, from the configuration; instruments not listed
/// go to shard 0. Immutable: safe from any thread.</summary>
public sealed class ShardRouter
{
    private readonly Dictionary<Symbol, int> _shardBySymbol = [];

    public ShardRouter(IReadOnlyList<ShardConfig> shards)
    {
        var ids = shards.Select(s => s.Id).Append(0).Distinct().Order().ToList();
        if (ids[0] != 0 || ids[^1] != ids.Count - 1)
        {
            throw new ArgumentException("Shard ids must be 0, 1, 2, … without gaps.", nameof(shards));
        }
        ShardCount = ids.Count;
        foreach (var shard in shards)
        {
            foreach (var symbol in shard.Symbols)
            {
                if (!_shardBySymbol.TryAdd(Symbol.Parse(symbol), shard.Id))
                {
                    throw new ArgumentException($"{symbol} is assigned to more than one shard.", nameof(shards));
                }
            }
        }
    }

    public int ShardCount { get; }

    public int ShardOf(Symbol symbol) => _shardBySymbol.GetValueOrDefault(symbol);
}
