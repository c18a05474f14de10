using Exchange.Core.Matching;
using Exchange.Server.Pipeline;

namespace Exchange.Server.Tests.Pipeline;

public class EngineStageTests
{
    private const int Distance = MatchingEngine.PrefetchDistance;

    [Fact]
    public void ShouldGiveTheCommandAFullDistanceAheadWhenItIsPublished()
    {
        Assert.Equal(100 + Distance, EngineStage.PrefetchTarget(sequence: 100, lastAvailable: 1_000, prefetched: 100 + Distance - 1));
    }

    [Fact]
    public void ShouldGiveTheLastPublishedCommandWhenTheBatchEndsSooner()
    {
        Assert.Equal(103, EngineStage.PrefetchTarget(sequence: 100, lastAvailable: 103, prefetched: 99));
    }

    [Fact]
    public void ShouldGiveNothingAtTheEndOfTheBatchOrTwice()
    {
        Assert.Equal(-1, EngineStage.PrefetchTarget(sequence: 100, lastAvailable: 100, prefetched: 99));
        Assert.Equal(-1, EngineStage.PrefetchTarget(sequence: 100, lastAvailable: 103, prefetched: 103));
    }

    [Fact]
    public void ShouldGiveEachCommandAtMostOnceAndInOrderOverABatch()
    {
        // Batches of 3, 20 and 1 commands, processed one by one as the ring's processor does.
        long prefetched = -1;
        var given = new List<long>();
        long next = 0;
        foreach (int size in new[] { 3, 20, 1 })
        {
            long last = next + size - 1;
            for (; next <= last; next++)
            {
                long ahead = EngineStage.PrefetchTarget(next, last, prefetched);
                if (ahead >= 0)
                {
                    Assert.True(ahead > next && ahead <= last && ahead <= next + Distance);
                    given.Add(ahead);
                    prefetched = ahead;
                }
            }
        }
        Assert.Equal(given.Distinct().Order(), given);
        Assert.Contains(3 + Distance, given); // the long batch reaches the full distance
    }
}
