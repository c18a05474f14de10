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
}
