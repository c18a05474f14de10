using Exchange.Core.Domain;

namespace Exchange.Core.Tests.Matching;

public class OcoTests
{
    /// <summary>Account 1 is long and places a take-profit sell limit at 110 and a stop-loss sell stop at 90.</summary>
    private static EngineDriver WithBracket()
    {
        var d = new EngineDriver();
        d.Sell(9, "seed-s", "100.00", 1);
        d.Buy(8, "seed-b", "100.00", 1); // last trade 100.00
        d.Sell(1, "tp", "110.00", 10); // #3
        d.New(EngineDriver.Order(1, "sl", Side.Sell, null, 10, type: OrderType.Stop, stop: "90.00", oco: "tp")); // #4
        return d;
    }

    [Fact]
    public void ShouldCancelTheStopWhenTheLimitLegTrades()
    {
        var d = WithBracket();
        Assert.Equal(["accepted #5", "trade 110.00 x3 #5<-#3", "cancelled #4 Oco 10"], d.Buy(2, "b", "110.00", 3));
        Assert.Empty(d.Book().SellStops);
        Assert.Equal(0, d.Book().Asks[0].OcoPartnerOrderId);
    }

    [Fact]
    public void ShouldCancelTheLimitWhenTheStopLegTriggers()
    {
        var d = WithBracket();
        d.Buy(3, "b1", "90.00", 1); // #5
        d.Buy(3, "b2", "89.00", 20); // #6
        Assert.Equal(["accepted #7", "trade 90.00 x1 #7<-#5", "triggered #4", "cancelled #3 Oco 10", "trade 89.00 x10 #4<-#6"],
            d.Sell(2, "s", "90.00", 1));
    }

    [Fact]
    public void ShouldCancelBothLegsWhenOneIsCancelled()
    {
        var d = WithBracket();
        Assert.Equal(["cancelled #3 Requested 10", "cancelled #4 Oco 10"], d.Cancel(1, "tp"));
    }

    [Fact]
    public void ShouldRejectInvalidLinks()
    {
        var d = WithBracket();
        Assert.Equal(["rejected InvalidOcoLink"], d.New(EngineDriver.Order(1, "x", Side.Sell, "120.00", 1, oco: "nope")));
        Assert.Equal(["rejected InvalidOcoLink"], d.New(EngineDriver.Order(1, "x", Side.Sell, "120.00", 1, oco: "tp"))); // already paired
        d.Buy(1, "bid", "80.00", 1);
        Assert.Equal(["rejected InvalidOcoLink"], d.New(EngineDriver.Order(1, "x", Side.Sell, "120.00", 1, oco: "bid"))); // other side
        Assert.Equal(["rejected InvalidOcoLink"], d.New(EngineDriver.Order(2, "x", Side.Sell, "120.00", 1, oco: "tp"))); // other account
    }

    [Fact]
    public void ShouldCancelBothLegsInAMassCancelEachAsMassCancel()
    {
        var d = WithBracket();
        Assert.Equal(["cancelled #3 MassCancel 10", "cancelled #4 MassCancel 10", "massCancelled 2"], d.MassCancel(1, null));
    }
}
