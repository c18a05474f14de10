namespace Exchange.MarketData.Views;

/// <summary>Engine order ids restart at 1 in every shard; the public id puts the shard in the top 16 bits so ids
/// are unique across the feed. Shard 0's public ids equal its engine ids.</summary>
public static class PublicOrderId
{
    private const int ShardShift = 48;

    public static long Of(int shard, long engineOrderId) => ((long)shard << ShardShift) | engineOrderId;
}
