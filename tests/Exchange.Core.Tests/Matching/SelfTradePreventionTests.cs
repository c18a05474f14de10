using Exchange.Core.Domain;

namespace Exchange.Core.Tests.Matching;

public class SelfTradePreventionTests
{
    private static EngineDriver WithOwnAndOtherAsks()
    {
        var d = new EngineDriver();
        d.Sell(1, "own", "100.00", 5); // #1
        d.Sell(2, "other", "100.00", 5); // #2
        return d;
    }

    [Fact]
    public void ShouldLetSelfTradesHappenWithoutPrevention()
    {
        var d = WithOwnAndOtherAsks();
        Assert.Equal(["accepted #3", "trade 100.00 x5 #3<-#1"], d.Buy(1, "b", "100.00", 5));
    }

    [Fact]
    public void ShouldCancelTheIncomingOrderWithCancelNewest()
    {
        var d = WithOwnAndOtherAsks();
        Assert.Equal(["accepted #3", "cancelled #3 SelfTrade 8"], d.Buy(1, "b", "100.00", 8, stp: SelfTradePrevention.CancelNewest));
        Assert.Equal("bids [] asks [100.00:5#1 100.00:5#2]", d.Depth());
    }

    [Fact]
    public void ShouldCancelTheRestingOrderWithCancelOldest()
    {
        var d = WithOwnAndOtherAsks();
        Assert.Equal(["accepted #3", "cancelled #1 SelfTrade 5", "trade 100.00 x5 #3<-#2"],
            d.Buy(1, "b", "100.00", 8, stp: SelfTradePrevention.CancelOldest));
        Assert.Equal("bids [100.00:3#3] asks []", d.Depth());
    }

    [Fact]
    public void ShouldCancelBothWithCancelBoth()
    {
        var d = WithOwnAndOtherAsks();
        Assert.Equal(["accepted #3", "cancelled #1 SelfTrade 5", "cancelled #3 SelfTrade 8"],
            d.Buy(1, "b", "100.00", 8, stp: SelfTradePrevention.CancelBoth));
        Assert.Equal("bids [] asks [100.00:5#2]", d.Depth());
    }

    [Fact]
    public void ShouldDecrementTheLargerRestingOrderAndCancelTheTaker()
    {
        var d = WithOwnAndOtherAsks();
        Assert.Equal(["accepted #3", "reduced #1 3", "cancelled #3 SelfTrade 3"],
            d.Buy(1, "b", "100.00", 3, stp: SelfTradePrevention.Decrement));
        Assert.Equal("bids [] asks [100.00:2#1 100.00:5#2]", d.Depth());
    }

    [Fact]
    public void ShouldDecrementTheLargerTakerAndGoOnMatching()
    {
        var d = WithOwnAndOtherAsks();
        Assert.Equal(["accepted #3", "cancelled #1 SelfTrade 5", "reduced #3 5", "trade 100.00 x2 #3<-#2"],
            d.Buy(1, "b", "100.00", 7, stp: SelfTradePrevention.Decrement));
        Assert.Equal("bids [] asks [100.00:3#2]", d.Depth());
    }

    [Fact]
    public void ShouldCancelBothWhenDecrementingEqualQuantities()
    {
        var d = WithOwnAndOtherAsks();
        Assert.Equal(["accepted #3", "cancelled #1 SelfTrade 5", "cancelled #3 SelfTrade 5"],
            d.Buy(1, "b", "100.00", 5, stp: SelfTradePrevention.Decrement));
    }

    [Fact]
    public void ShouldKillAFokThatWouldMeetItsOwnOrder()
    {
        var d = WithOwnAndOtherAsks();
        Assert.Equal(["accepted #3", "cancelled #3 FillOrKill 5"],
            d.Buy(1, "b", "100.00", 5, TimeInForce.Fok, SelfTradePrevention.CancelNewest));
        // With CancelOldest the own order is skipped in the check and cancelled during execution.
        Assert.Equal(["accepted #4", "cancelled #1 SelfTrade 5", "trade 100.00 x5 #4<-#2"],
            d.Buy(1, "b2", "100.00", 5, TimeInForce.Fok, SelfTradePrevention.CancelOldest));
    }
}
