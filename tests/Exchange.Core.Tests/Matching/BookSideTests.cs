using Exchange.Core.Matching;

namespace Exchange.Core.Tests.Matching;

public class BookSideTests
{
    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 2)]
    [InlineData(true, 3)]
    public void ShouldKeepTreeAndListInvariantsUnderRandomInsertsRemovesAndMoves(bool ascending, int seed)
    {
        var pool = new LevelPool(4);
        var side = new BookSide(pool, ascending);
        var reference = new SortedDictionary<long, int>();
        var random = new Random(seed);
        for (int step = 0; step < 20_000; step++)
        {
            long price = random.Next(1, 500);
            int operation = random.Next(8);
            if (operation == 0 && reference.Count > 0)
            {
                // TryMove: a level takes a new price in place exactly when no other level lies between its neighbours'.
                var (oldPrice, moved) = reference.ElementAt(random.Next(reference.Count));
                long lower = reference.Keys.Where(p => p < oldPrice).DefaultIfEmpty(long.MinValue).Max();
                long higher = reference.Keys.Where(p => p > oldPrice).DefaultIfEmpty(long.MaxValue).Min();
                bool expected = price > lower && price < higher;
                Assert.Equal(expected, side.TryMove(moved, price));
                if (expected)
                {
                    reference.Remove(oldPrice);
                    reference[price] = moved;
                }
            }
            else if (operation > 2)
            {
                // Half of the lookups start from a live level near the price, as a re-priced order's does.
                int hint = random.Next(2) == 0 || reference.Count == 0 ? 0 : reference.ElementAt(random.Next(reference.Count)).Value;
                int level = side.GetOrAdd(price, hint);
                if (reference.TryGetValue(price, out int existing))
                {
                    Assert.Equal(existing, level);
                }
                reference[price] = level;
            }
            else if (reference.Remove(price, out int level))
            {
                Assert.Equal(level, side.Find(price));
                side.Remove(level);
            }
            if (step % 97 == 0)
            {
                Assert.Null(side.Validate());
            }
            Assert.Equal(reference.Count, side.LevelCount);
            if (reference.Count > 0)
            {
                long best = ascending ? reference.Keys.First() : reference.Keys.Last();
                Assert.Equal(best, pool.Items[side.Best].Price);
            }
            else
            {
                Assert.Equal(0, side.Best);
            }
        }
        Assert.Null(side.Validate());
        Assert.Equal(reference.Count, pool.Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ShouldInsertEachNewBestLevelAtTheBestEnd(bool ascending)
    {
        var pool = new LevelPool(4);
        var side = new BookSide(pool, ascending);
        // Every price is better than all before it: each takes the new-best path of GetOrAdd.
        for (int i = 0; i < 1_000; i++)
        {
            long price = ascending ? 10_000 - i : 10_000 + i;
            int level = side.GetOrAdd(price);
            Assert.Equal(level, side.Best);
            Assert.Equal(level, side.Find(price));
        }
        Assert.Null(side.Validate());
        Assert.Equal(1_000, side.LevelCount);
    }
}
