using Exchange.Core.Domain;

namespace Exchange.Core.Tests.Matching;

public class PostOnlyAndIcebergTests
{
    [Fact]
    public void ShouldRejectPostOnlyThatWouldTake()
    {
        var d = new EngineDriver();
        d.Sell(2, "s1", "100.00", 5);
        Assert.Equal(["rejected PostOnlyWouldTake"], d.New(EngineDriver.Order(1, "p", Side.Buy, "100.00", 5, postOnly: true)));
        Assert.Equal(["accepted #2"], d.New(EngineDriver.Order(1, "p", Side.Buy, "99.99", 5, postOnly: true)));
    }

    [Fact]
    public void ShouldRejectAPostOnlyReplaceThatWouldTake()
    {
        var d = new EngineDriver();
        d.Sell(2, "s1", "100.00", 5);
        d.New(EngineDriver.Order(1, "p", Side.Buy, "99.99", 5, postOnly: true));
        Assert.Equal(["rejected PostOnlyWouldTake"], d.Replace(1, "p", "p2", "100.00", 5));
        Assert.Equal("bids [99.99:5#2] asks [100.00:5#1]", d.Depth());
    }

    [Fact]
    public void ShouldShowOnlyTheDisplayQuantityOfAnIceberg()
    {
        var d = new EngineDriver();
        d.New(EngineDriver.Order(2, "ice", Side.Sell, "100.00", 100, display: 10));
        Assert.Equal("bids [] asks [100.00:10+90#1]", d.Depth());
        Span<Exchange.Core.Matching.PriceLevelInfo> levels = stackalloc Exchange.Core.Matching.PriceLevelInfo[4];
        Assert.Equal(1, d.Engine.GetDepth(Symbol.Parse("AAPL"), Side.Sell, levels));
        Assert.Equal(10, levels[0].VisibleQuantity);
    }

    [Fact]
    public void ShouldSendAReplenishedSliceToTheBackOfItsLevel()
    {
        var d = new EngineDriver();
        d.New(EngineDriver.Order(2, "ice", Side.Sell, "100.00", 30, display: 10));
        d.Sell(3, "plain", "100.00", 10);
        Assert.Equal(["accepted #3", "trade 100.00 x10 #3<-#1", "replenished #1 10", "trade 100.00 x5 #3<-#2"],
            d.Buy(1, "b", "100.00", 15));
        Assert.Equal("bids [] asks [100.00:5#2 100.00:10+10#1]", d.Depth());
    }

    [Fact]
    public void ShouldShowTheLastSmallerSlice()
    {
        var d = new EngineDriver();
        d.New(EngineDriver.Order(2, "ice", Side.Sell, "100.00", 25, display: 10));
        d.Buy(1, "b", "100.00", 20);
        Assert.Equal("bids [] asks [100.00:5#1]", d.Depth());
    }

    [Fact]
    public void ShouldRestAnIcebergThatTradedAsTakerWithAFreshSlice()
    {
        var d = new EngineDriver();
        d.Sell(2, "s", "100.00", 5);
        d.New(EngineDriver.Order(1, "ice", Side.Buy, "100.00", 50, display: 10));
        Assert.Equal("bids [100.00:10+35#2] asks []", d.Depth());
    }

    [Fact]
    public void ShouldRejectInvalidDisplayQuantities()
    {
        var d = new EngineDriver();
        Assert.Equal(["rejected InvalidDisplayQuantity"], d.New(EngineDriver.Order(1, "a", Side.Buy, "1.00", 10, display: 11)));
        Assert.Equal(["rejected InvalidOrder"], d.New(EngineDriver.Order(1, "a", Side.Buy, "1.00", 10, display: 5, tif: TimeInForce.Ioc)));
    }
}
