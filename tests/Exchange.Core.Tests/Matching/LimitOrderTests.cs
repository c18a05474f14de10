using Exchange.Core.Domain;

namespace Exchange.Core.Tests.Matching;

public class LimitOrderTests
{
    [Fact]
    public void ShouldRestWhenNothingCrosses()
    {
        var d = new EngineDriver();
        Assert.Equal(["accepted #1"], d.Buy(1, "b1", "100.00", 10));
        Assert.Equal(["accepted #2"], d.Sell(2, "s1", "100.01", 10));
        Assert.Equal("bids [100.00:10#1] asks [100.01:10#2]", d.Depth());
    }

    [Fact]
    public void ShouldTradeAtTheRestingOrdersPrice()
    {
        var d = new EngineDriver();
        d.Sell(2, "s1", "100.00", 10);
        Assert.Equal(["accepted #2", "trade 100.00 x10 #2<-#1"], d.Buy(1, "b1", "101.00", 10));
        Assert.Equal("bids [] asks []", d.Depth());
    }

    [Fact]
    public void ShouldFillBestPriceFirstThenOldestFirst()
    {
        var d = new EngineDriver();
        d.Sell(2, "s1", "100.02", 5);
        d.Sell(2, "s2", "100.01", 5);
        d.Sell(3, "s3", "100.01", 5);
        Assert.Equal(
            ["accepted #4", "trade 100.01 x5 #4<-#2", "trade 100.01 x5 #4<-#3", "trade 100.02 x2 #4<-#1"],
            d.Buy(1, "b1", "100.02", 12));
        Assert.Equal("bids [] asks [100.02:3#1]", d.Depth());
    }

    [Fact]
    public void ShouldRestTheRemainderOfAPartiallyFilledOrder()
    {
        var d = new EngineDriver();
        d.Sell(2, "s1", "100.00", 4);
        Assert.Equal(["accepted #2", "trade 100.00 x4 #2<-#1"], d.Buy(1, "b1", "100.00", 10));
        Assert.Equal("bids [100.00:6#2] asks []", d.Depth());
        var trade = d.Engine.GetBookSnapshot(Symbol.Parse("AAPL")).Bids[0];
        Assert.Equal(4, trade.FilledQuantity);
    }

    [Fact]
    public void ShouldReportLeavesAndFilledOfBothSidesOnATrade()
    {
        var d = new EngineDriver();
        d.Sell(2, "s1", "100.00", 10);
        d.Buy(1, "b1", "100.00", 4);
        var trade = d.Events[1];
        Assert.Equal(4, trade.Quantity);
        Assert.Equal(0, trade.LeavesQuantity);
        Assert.Equal(4, trade.FilledQuantity);
        Assert.Equal(6, trade.MakerLeavesQuantity);
        Assert.Equal(4, trade.MakerFilledQuantity);
        Assert.Equal(2, trade.MakerAccount);
        Assert.Equal("s1", trade.MakerClientId.ToString());
        Assert.Equal(1, trade.TradeId);
        Assert.Equal(Side.Buy, trade.Side);
    }

    [Fact]
    public void ShouldNotTradeThroughTheLimit()
    {
        var d = new EngineDriver();
        d.Sell(2, "s1", "100.05", 10);
        Assert.Equal(["accepted #2"], d.Buy(1, "b1", "100.04", 10));
    }

    [Fact]
    public void ShouldNumberEventsWithoutGaps()
    {
        var d = new EngineDriver();
        var all = new List<long> { 1 };
        d.Sell(2, "s1", "100.00", 10);
        all.AddRange(d.Events.Select(e => e.Sequence));
        d.Buy(1, "b1", "100.00", 4);
        all.AddRange(d.Events.Select(e => e.Sequence));
        d.Buy(1, "b1", "100.00", 4); // duplicate id: rejected, still sequenced
        all.AddRange(d.Events.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(1, all.Count).Select(i => (long)i), all);
    }
}
