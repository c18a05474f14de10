using Exchange.Core.Domain;

namespace Exchange.Core.Tests.Matching;

public class StopOrderTests
{
    private static EngineDriver WithLastTrade(string price)
    {
        var d = new EngineDriver();
        d.Sell(9, "seed-s", price, 1);
        d.Buy(8, "seed-b", price, 1);
        return d;
    }

    [Fact]
    public void ShouldNotTriggerBeforeTheFirstTrade()
    {
        var d = new EngineDriver();
        Assert.Equal(["accepted #1"], d.New(EngineDriver.Order(1, "st", Side.Buy, null, 5, type: OrderType.Stop, stop: "100.00")));
        Assert.Single(d.Book().BuyStops);
    }

    [Fact]
    public void ShouldTriggerABuyStopWhenTheLastTradeReachesItsStopPrice()
    {
        var d = WithLastTrade("99.00");
        d.New(EngineDriver.Order(1, "st", Side.Buy, null, 5, type: OrderType.Stop, stop: "100.00")); // #3
        d.Sell(2, "s1", "100.00", 1); // #4
        d.Sell(2, "s2", "100.50", 10); // #5
        Assert.Equal(["accepted #6", "trade 100.00 x1 #6<-#4", "triggered #3", "trade 100.50 x5 #3<-#5"],
            d.Buy(3, "b", "100.00", 1));
        Assert.Empty(d.Book().BuyStops);
    }

    [Fact]
    public void ShouldTriggerASellStopWhenTheLastTradeFallsToItsStopPrice()
    {
        var d = WithLastTrade("100.00");
        d.New(EngineDriver.Order(1, "st", Side.Sell, "98.00", 5, type: OrderType.StopLimit, stop: "99.00")); // #3
        d.Buy(2, "b1", "99.00", 1); // #4
        Assert.Equal(["accepted #5", "trade 99.00 x1 #5<-#4", "triggered #3"], d.Sell(3, "s", "99.00", 1));
        // The stop-limit rests as a limit order once triggered.
        var ask = Assert.Single(d.Book().Asks);
        Assert.Equal(OrderType.Limit, ask.OrderType);
        Assert.Equal(0, ask.StopPrice);
    }

    [Fact]
    public void ShouldTriggerAtOnceWhenTheConditionAlreadyHolds()
    {
        var d = WithLastTrade("100.00");
        d.Sell(2, "s1", "100.10", 5); // #3
        Assert.Equal(["accepted #4", "triggered #4", "trade 100.10 x5 #4<-#3"],
            d.New(EngineDriver.Order(1, "st", Side.Buy, "101.00", 5, type: OrderType.StopLimit, stop: "99.00")));
    }

    [Fact]
    public void ShouldTriggerInStopPriceOrderThenTimeAndCascade()
    {
        var d = WithLastTrade("100.00");
        d.New(EngineDriver.Order(1, "st-101b", Side.Buy, null, 1, type: OrderType.Stop, stop: "101.00")); // #3
        d.New(EngineDriver.Order(1, "st-100.5", Side.Buy, null, 1, type: OrderType.Stop, stop: "100.50")); // #4
        d.New(EngineDriver.Order(1, "st-101a", Side.Buy, null, 1, type: OrderType.Stop, stop: "101.00")); // #5
        d.New(EngineDriver.Order(1, "st-102", Side.Buy, null, 1, type: OrderType.Stop, stop: "102.00")); // #6
        d.Sell(2, "a1", "100.50", 1); // #7
        d.Sell(2, "a2", "101.00", 1); // #8
        d.Sell(2, "a3", "101.50", 1); // #9
        d.Sell(2, "a4", "102.00", 1); // #10
        d.Sell(2, "a5", "103.00", 1); // #11
        // The trade at 100.50 triggers #4; its trade at 101.00 triggers #3 then #5 (same price, older first);
        // #5's trade at 102.00 triggers #6.
        Assert.Equal([
            "accepted #12", "trade 100.50 x1 #12<-#7", "triggered #4",
            "trade 101.00 x1 #4<-#8", "triggered #3", "triggered #5",
            "trade 101.50 x1 #3<-#9", "trade 102.00 x1 #5<-#10", "triggered #6",
            "trade 103.00 x1 #6<-#11",
        ], d.Buy(3, "b", "100.50", 1));
    }

    [Fact]
    public void ShouldRunATriggeredStopLimitWithItsTimeInForce()
    {
        var d = WithLastTrade("100.00");
        Assert.Equal(["accepted #3", "triggered #3", "cancelled #3 ImmediateOrCancel 1"],
            d.New(EngineDriver.Order(1, "sell-stop", Side.Sell, "1.00", 1, type: OrderType.StopLimit, stop: "100.00", tif: TimeInForce.Ioc)));
    }

    [Fact]
    public void ShouldRejectAStopMarketWithAnImmediateTimeInForce()
    {
        var d = new EngineDriver();
        Assert.Equal(["rejected InvalidOrder"],
            d.New(EngineDriver.Order(1, "st", Side.Buy, null, 5, type: OrderType.Stop, stop: "100.00", tif: TimeInForce.Ioc)));
        Assert.Equal(["rejected InvalidPrice"],
            d.New(EngineDriver.Order(1, "st", Side.Buy, null, 5, type: OrderType.Stop)));
    }

    [Fact]
    public void ShouldExpireAGoodTillDateStop()
    {
        var d = new EngineDriver();
        d.New(EngineDriver.Order(1, "st", Side.Buy, null, 5, type: OrderType.Stop, stop: "100.00", tif: TimeInForce.Gtd, expire: 5_000));
        Assert.Equal(["expired #1 Expired 5"], d.AdvanceTo(5_000));
        Assert.Empty(d.Book().BuyStops);
    }

    [Fact]
    public void ShouldMoveAStopWithAReplace()
    {
        var d = WithLastTrade("100.00");
        d.New(EngineDriver.Order(1, "st", Side.Buy, null, 5, type: OrderType.Stop, stop: "105.00")); // #3
        d.Sell(2, "s1", "100.00", 5); // #4
        Assert.Equal(["replaced #3 lost", "triggered #3", "trade 100.00 x5 #3<-#4"], d.Replace(1, "st", "st2", null, 5, stop: "99.00"));
    }
}
