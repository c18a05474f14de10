using Exchange.Core.Domain;

namespace Exchange.Core.Tests.Matching;

public class MarketOrderTests
{
    [Fact]
    public void ShouldSweepLevelsAndCancelTheRestWhenLiquidityRunsOut()
    {
        var d = new EngineDriver();
        d.Sell(2, "s1", "100.00", 5);
        d.Sell(2, "s2", "101.00", 5);
        Assert.Equal(["accepted #3", "trade 100.00 x5 #3<-#1", "trade 101.00 x5 #3<-#2", "cancelled #3 NoLiquidity 5"],
            d.Market(1, "m", Side.Buy, 15));
    }

    [Fact]
    public void ShouldNotTradeThroughTheCollarAroundTheReferencePrice()
    {
        var d = new EngineDriver(withInstrument: false);
        d.Instrument("AAPL", reference: "100.00", collarBps: 500); // 95.00 .. 105.00
        d.Sell(2, "s1", "104.99", 5);
        d.Sell(2, "s2", "105.00", 5);
        d.Sell(2, "s3", "105.01", 5);
        Assert.Equal(["accepted #4", "trade 104.99 x5 #4<-#1", "trade 105.00 x5 #4<-#2", "cancelled #4 Collar 5"],
            d.Market(1, "m", Side.Buy, 15));
        Assert.Equal("bids [] asks [105.01:5#3]", d.Depth());
    }

    [Fact]
    public void ShouldMeasureTheCollarFromTheLastTradeOnceThereIsOne()
    {
        var d = new EngineDriver(withInstrument: false);
        d.Instrument("AAPL", reference: "100.00", collarBps: 100); // 1%
        d.Sell(2, "s1", "110.00", 1);
        d.Buy(1, "b1", "110.00", 1); // last trade 110.00 → sell collar 108.90
        d.Buy(1, "b2", "108.90", 1);
        d.Buy(1, "b3", "108.89", 1);
        Assert.Equal(["accepted #5", "trade 108.90 x1 #5<-#3", "cancelled #5 Collar 1"], d.Market(2, "m", Side.Sell, 2));
    }

    [Fact]
    public void ShouldRoundTheCollarToATickTowardsTheReference()
    {
        var d = new EngineDriver(withInstrument: false);
        d.Instrument("AAPL", tick: "0.05", reference: "10.00", collarBps: 333); // 10.333 → 10.30; 9.667 → 9.70
        d.Sell(2, "s1", "10.30", 1);
        d.Sell(2, "s2", "10.35", 1);
        Assert.Equal(["accepted #3", "trade 10.30 x1 #3<-#1", "cancelled #3 Collar 1"], d.Market(1, "m", Side.Buy, 2));
        d.Instrument("MSFT", tick: "0.05", reference: "10.00", collarBps: 333);
        d.Buy(2, "b1", "9.70", 1, symbol: "MSFT");
        d.Buy(2, "b2", "9.65", 1, symbol: "MSFT");
        Assert.Equal(["accepted #6", "trade 9.70 x1 #6<-#4", "cancelled #6 Collar 1"],
            d.New(EngineDriver.Order(1, "m2", Side.Sell, null, 2, OrderType.Market, TimeInForce.Ioc, symbol: "MSFT")));
    }

    [Fact]
    public void ShouldUseTheBestOppositePriceWhenThereIsNoReference()
    {
        var d = new EngineDriver(withInstrument: false);
        d.Instrument("AAPL", collarBps: 100);
        d.Sell(2, "s1", "100.00", 1);
        d.Sell(2, "s2", "101.00", 1);
        d.Sell(2, "s3", "101.01", 1);
        Assert.Equal(["accepted #4", "trade 100.00 x1 #4<-#1", "trade 101.00 x1 #4<-#2", "cancelled #4 Collar 1"],
            d.Market(1, "m", Side.Buy, 3));
    }

    [Fact]
    public void ShouldKillAMarketFokThatCannotFillWithinTheCollar()
    {
        var d = new EngineDriver(withInstrument: false);
        d.Instrument("AAPL", reference: "100.00", collarBps: 100);
        d.Sell(2, "s1", "100.00", 1);
        d.Sell(2, "s2", "102.00", 1);
        Assert.Equal(["accepted #3", "cancelled #3 FillOrKill 2"], d.Market(1, "m", Side.Buy, 2, TimeInForce.Fok));
    }

    [Fact]
    public void ShouldRejectMarketOrdersThatAreNotImmediate()
    {
        var d = new EngineDriver();
        Assert.Equal(["rejected InvalidOrder"], d.Market(1, "m", Side.Buy, 2, TimeInForce.Gtc));
        Assert.Equal(["rejected InvalidPrice"], d.New(EngineDriver.Order(1, "m", Side.Buy, "1.00", 1, type: OrderType.Market, tif: TimeInForce.Ioc)));
    }
}
