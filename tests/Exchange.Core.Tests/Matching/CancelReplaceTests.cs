using Exchange.Core.Domain;

namespace Exchange.Core.Tests.Matching;

public class CancelReplaceTests
{
    [Fact]
    public void ShouldCancelARestingOrder()
    {
        var d = new EngineDriver();
        d.Buy(1, "b", "99.00", 10);
        Assert.Equal(["cancelled #1 Requested 10"], d.Cancel(1, "b"));
        Assert.Equal("bids [] asks []", d.Depth());
        Assert.Equal(["rejected UnknownOrder"], d.Cancel(1, "b"));
    }

    [Fact]
    public void ShouldAnswerAnotherAccountsOrderExactlyLikeAnUnknownOrder()
    {
        var d = new EngineDriver();
        d.Buy(1, "b", "99.00", 10);
        var foreign = d.Send(new Commands.Command { Type = Commands.CommandType.Cancel, Account = 2, OrigClientId = ClientOrderId.Parse("b") })[0];
        var unknown = d.Send(new Commands.Command { Type = Commands.CommandType.Cancel, Account = 2, OrigClientId = ClientOrderId.Parse("b") })[0];
        Assert.Equal(RejectReason.UnknownOrder, foreign.RejectReason);
        Assert.Equal(foreign with { Sequence = 0 }, unknown with { Sequence = 0 });
        Assert.Equal(["rejected UnknownOrder"], d.Replace(2, "b", "b2", "99.00", 5));
        Assert.Equal("bids [99.00:10#1] asks []", d.Depth());
    }

    [Fact]
    public void ShouldKeepPriorityWhenOnlyTheQuantityDecreases()
    {
        var d = new EngineDriver();
        d.Buy(1, "a", "99.00", 10);
        d.Buy(2, "b", "99.00", 10);
        Assert.Equal(["replaced #1 kept"], d.Replace(1, "a", "a2", "99.00", 4));
        Assert.Equal("bids [99.00:4#1 99.00:10#2] asks []", d.Depth());
    }

    [Fact]
    public void ShouldLosePriorityWhenTheQuantityIncreases()
    {
        var d = new EngineDriver();
        d.Buy(1, "a", "99.00", 10);
        d.Buy(2, "b", "99.00", 10);
        Assert.Equal(["replaced #1 lost"], d.Replace(1, "a", "a2", "99.00", 11));
        Assert.Equal("bids [99.00:10#2 99.00:11#1] asks []", d.Depth());
    }

    [Fact]
    public void ShouldLosePriorityWhenThePriceChanges()
    {
        var d = new EngineDriver();
        d.Buy(1, "a", "99.00", 10);
        d.Buy(2, "b", "98.00", 10);
        Assert.Equal(["replaced #1 lost"], d.Replace(1, "a", "a2", "98.00", 10));
        Assert.Equal("bids [98.00:10#2 98.00:10#1] asks []", d.Depth());
    }

    [Fact]
    public void ShouldTradeAReplaceThatCrossesLikeANewOrder()
    {
        var d = new EngineDriver();
        d.Sell(2, "s", "100.00", 4);
        d.Buy(1, "a", "99.00", 10);
        Assert.Equal(["replaced #2 lost", "trade 100.00 x4 #2<-#1"], d.Replace(1, "a", "a2", "100.00", 10));
        Assert.Equal("bids [100.00:6#2] asks []", d.Depth());
    }

    [Fact]
    public void ShouldCountTheNewQuantityAsTheTotalIncludingFills()
    {
        var d = new EngineDriver();
        d.Buy(1, "a", "99.00", 10);
        d.Sell(2, "s", "99.00", 6);
        Assert.Equal(["rejected ReplaceQuantityTooLow"], d.Replace(1, "a", "a2", "99.00", 6));
        Assert.Equal(["replaced #1 kept"], d.Replace(1, "a", "a2", "99.00", 8));
        Assert.Equal("bids [99.00:2#1] asks []", d.Depth());
    }

    [Fact]
    public void ShouldMoveTheOrderToItsNewClientId()
    {
        var d = new EngineDriver();
        d.Buy(1, "a", "99.00", 10);
        d.Buy(1, "other", "98.00", 10);
        Assert.Equal(["rejected DuplicateClientOrderId"], d.Replace(1, "a", "other", "99.00", 5));
        d.Replace(1, "a", "a2", "99.00", 5);
        Assert.Equal("a", d.Events[0].OrigClientId.ToString());
        Assert.Equal(["rejected UnknownOrder"], d.Cancel(1, "a"));
        Assert.Equal(["cancelled #1 Requested 5"], d.Cancel(1, "a2"));
    }

    [Fact]
    public void ShouldShrinkAnIcebergsHiddenPartFirst()
    {
        var d = new EngineDriver();
        d.New(EngineDriver.Order(1, "ice", Side.Buy, "99.00", 100, display: 10));
        d.Replace(1, "ice", "ice", "99.00", 15);
        Assert.Equal("bids [99.00:10+5#1] asks []", d.Depth());
        d.Replace(1, "ice", "ice", "99.00", 5);
        Assert.Equal("bids [99.00:5#1] asks []", d.Depth());
    }

    [Fact]
    public void ShouldValidateTheReplacementLikeANewOrder()
    {
        var d = new EngineDriver();
        d.Buy(1, "a", "99.00", 10);
        Assert.Equal(["rejected PriceOffTick"], d.Replace(1, "a", "a", "99.001", 10));
        Assert.Equal(["rejected InvalidPrice"], d.Replace(1, "a", "a", null, 10));
        Assert.Equal(["rejected QuantityOffLot"], d.Replace(1, "a", "a", "99.00", 0));
        Assert.Equal(["rejected QuantityOutOfRange"], d.Replace(1, "a", "a", "99.00", 2_000_000));
    }
}
