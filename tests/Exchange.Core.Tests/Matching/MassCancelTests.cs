using Exchange.Core.Domain;

namespace Exchange.Core.Tests.Matching;

public class MassCancelTests
{
    private static EngineDriver WithOrders()
    {
        var d = new EngineDriver();
        d.Instrument("MSFT");
        d.Buy(1, "a1", "99.00", 1); // #1
        d.Buy(2, "b1", "99.00", 1); // #2
        d.Sell(1, "a2", "101.00", 1, symbol: "MSFT"); // #3
        d.Sell(1, "a3", "101.00", 1); // #4
        d.Sell(2, "b2", "101.00", 1, symbol: "MSFT"); // #5
        return d;
    }

    [Fact]
    public void ShouldCancelEveryOrderOfAnAccountInOrderIdOrder()
    {
        var d = WithOrders();
        Assert.Equal(["cancelled #1 MassCancel 1", "cancelled #3 MassCancel 1", "cancelled #4 MassCancel 1", "massCancelled 3"],
            d.MassCancel(1, null));
    }

    [Fact]
    public void ShouldCancelAnAccountsOrdersInOneSymbol()
    {
        var d = WithOrders();
        Assert.Equal(["cancelled #3 MassCancel 1", "massCancelled 1"], d.MassCancel(1, "MSFT"));
    }

    [Fact]
    public void ShouldCancelEveryOrderInASymbol()
    {
        var d = WithOrders();
        Assert.Equal(["cancelled #1 MassCancel 1", "cancelled #2 MassCancel 1", "cancelled #4 MassCancel 1", "massCancelled 3"],
            d.MassCancel(0, "AAPL"));
        Assert.Equal("bids [] asks []", d.Depth());
    }

    [Fact]
    public void ShouldRejectAMassCancelWithoutScope()
    {
        var d = WithOrders();
        Assert.Equal(["rejected InvalidOrder"], d.MassCancel(0, null));
        Assert.Equal(["rejected UnknownSymbol"], d.MassCancel(1, "NOPE"));
        Assert.Equal(["massCancelled 0"], d.MassCancel(7, null));
    }

    [Fact]
    public void ShouldCancelOnlyTheOrdersEnteredOnTheGivenSession()
    {
        var d = new EngineDriver();
        d.Instrument("MSFT");
        d.New(EngineDriver.Order(1, "s1", Side.Buy, "99.00", 1, session: 11)); // #1
        d.New(EngineDriver.Order(1, "s2", Side.Buy, "99.00", 1, session: 22)); // #2
        d.New(EngineDriver.Order(1, "s3", Side.Sell, "101.00", 1, symbol: "MSFT", session: 11)); // #3
        d.New(EngineDriver.Order(1, "n1", Side.Sell, "101.00", 1)); // #4: entered on no session (REST, operator)
        d.New(EngineDriver.Order(2, "o1", Side.Buy, "98.00", 1, session: 11)); // #5: another account, same session id
        Assert.Equal(["cancelled #1 MassCancel 1", "cancelled #3 MassCancel 1", "massCancelled 2"], d.MassCancel(1, null, session: 11));
        Assert.Equal(["massCancelled 0"], d.MassCancel(1, null, session: 11));
        Assert.Equal("bids [99.00:1#2 98.00:1#5] asks [101.00:1#4]", d.Depth());
    }

    [Fact]
    public void ShouldKeepAnOrdersSessionThroughAReplace()
    {
        var d = new EngineDriver();
        d.New(EngineDriver.Order(1, "s1", Side.Buy, "99.00", 5, session: 11)); // #1
        d.Replace(1, "s1", "s1b", "99.50", 5);
        Assert.Equal(["cancelled #1 MassCancel 5", "massCancelled 1"], d.MassCancel(1, null, session: 11));
    }

    [Fact]
    public void ShouldRejectASessionMassCancelWithoutAnAccount()
    {
        var d = WithOrders();
        Assert.Equal(["rejected InvalidOrder"], d.MassCancel(0, "AAPL", session: 11));
        Assert.Equal("bids [99.00:1#1 99.00:1#2] asks [101.00:1#4]", d.Depth());
    }
}
