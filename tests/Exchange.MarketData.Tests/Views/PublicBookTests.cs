using Exchange.Core.Domain;
using Exchange.MarketData.Views;

namespace Exchange.MarketData.Tests.Views;

public class PublicBookTests
{
    [Fact]
    public void LevelsComeBestFirstOnBothSidesWhereverTheyAreInsertedAndRemoved()
    {
        var book = new PublicBook();
        long id = 1;
        foreach (long price in new long[] { 100, 105, 95, 103, 97, 110, 90 })
        {
            book.Add(id++, Side.Buy, price, 10);
            book.Add(id++, Side.Sell, price + 100, 10);
        }
        Assert.Equal([110L, 105, 103, 100, 97, 95, 90], book.Levels(Side.Buy).Select(l => l.Price));
        Assert.Equal([190L, 195, 197, 200, 203, 205, 210], book.Levels(Side.Sell).Select(l => l.Price));

        Assert.True(book.Remove(11)); // the bid at 110, the best
        Assert.True(book.Remove(6));  // the ask at 195, second best
        Assert.Equal(5, book.Reduce(13, 5));   // the bid at 90, the worst: stays with 5
        Assert.Equal(0, book.Reduce(13, 5));   // and now leaves
        Assert.Equal([105L, 103, 100, 97, 95], book.Levels(Side.Buy).Select(l => l.Price));
        Assert.Equal([190L, 197, 200, 203], book.Levels(Side.Sell, depth: 4).Select(l => l.Price));
        Assert.True(book.TryGetBest(Side.Buy, out var bid));
        Assert.Equal(new PriceLevelView(105, 10, 1), bid);
        Assert.True(book.TryGetBest(Side.Sell, out var ask));
        Assert.Equal(new PriceLevelView(190, 10, 1), ask);
    }

    [Fact]
    public void ARemovedLevelAndOrderAreReusedWithoutKeepingAnythingOfTheirOldState()
    {
        var book = new PublicBook();
        book.Add(1, Side.Buy, 100, 10);
        book.Add(2, Side.Buy, 100, 20);
        book.Remove(1);
        book.Remove(2);
        Assert.False(book.TryGetBest(Side.Buy, out _));
        Assert.Equal(0, book.OrderCount);

        book.Add(3, Side.Sell, 120, 7); // takes the freed level and node
        Assert.Equal(new PriceLevelView(120, 7, 1), book.LevelAt(Side.Sell, 120));
        Assert.Equal(new PriceLevelView(100, 0, 0), book.LevelAt(Side.Buy, 100));
        Assert.Equal([new OrderView(3, Side.Sell, 120, 7)], book.Orders(Side.Sell));
        Assert.True(book.TryGetOrder(3, out var order));
        Assert.Equal(7, order.Quantity);
        Assert.False(book.Contains(1));
    }

    [Fact]
    public void ChangedLevelsAreHandedOutOnceWithTheirCurrentState()
    {
        var book = new PublicBook();
        book.Add(1, Side.Buy, 100, 10);
        book.Add(2, Side.Sell, 101, 5);
        var changes = new List<(Side Side, PriceLevelView Level)>();
        book.TakeChangedLevels(changes);
        Assert.Equal(2, changes.Count);
        Assert.Contains((Side.Buy, new PriceLevelView(100, 10, 1)), changes);

        book.Remove(2);
        book.TakeChangedLevels(changes);
        Assert.Equal([(Side.Sell, new PriceLevelView(101, 0, 0))], changes);
        Assert.False(book.HasChanges);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void LevelsMatchASortedModelUnderRandomAddsAndRemovesAtBothEnds(int seed)
    {
        var random = new Random(seed);
        var book = new PublicBook();
        var model = new Dictionary<Side, SortedDictionary<long, List<long>>>
        {
            [Side.Buy] = [],
            [Side.Sell] = [],
        };
        long nextId = 1;
        var live = new List<(long Id, Side Side, long Price)>();
        for (int step = 0; step < 20_000; step++)
        {
            int phase = step / 2_000 % 4; // best first, worst first, random, removals
            var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
            if (phase < 3 || live.Count == 0 || random.Next(3) == 0)
            {
                long offset = phase switch
                {
                    0 => step % 2_000,           // each level worse than the last (a book loaded best first)
                    1 => 2_000 - (step % 2_000), // each level better than the last
                    _ => random.Next(3_000),
                };
                long price = side == Side.Buy ? 10_000 - offset : 10_000 + 1 + offset;
                long id = nextId++;
                Assert.True(book.Add(id, side, price, 1 + random.Next(9)));
                if (!model[side].TryGetValue(price, out var ids))
                {
                    model[side][price] = ids = [];
                }
                ids.Add(id);
                live.Add((id, side, price));
            }
            else
            {
                int k = random.Next(live.Count);
                var (id, s, price) = live[k];
                live[k] = live[^1];
                live.RemoveAt(live.Count - 1);
                Assert.True(book.Remove(id));
                model[s][price].Remove(id);
                if (model[s][price].Count == 0)
                {
                    model[s].Remove(price);
                }
            }
            if (step % 500 == 0 || step == 19_999)
            {
                Assert.Equal(model[Side.Buy].Keys.Reverse(), book.Levels(Side.Buy).Select(l => l.Price));
                Assert.Equal(model[Side.Sell].Keys, book.Levels(Side.Sell).Select(l => l.Price));
                Assert.Equal(model[Side.Buy].Values.Reverse().SelectMany(ids => ids), book.Orders(Side.Buy).Select(o => o.OrderId));
            }
        }
    }
}
