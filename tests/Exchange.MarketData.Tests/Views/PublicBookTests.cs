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
}
