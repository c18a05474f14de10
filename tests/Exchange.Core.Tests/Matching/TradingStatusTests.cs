using Exchange.Core.Domain;

namespace Exchange.Core.Tests.Matching;

public class TradingStatusTests
{
    [Fact]
    public void ShouldRejectNewOrdersAndReplacesButAcceptCancelsWhileHalted()
    {
        var d = new EngineDriver();
        d.Buy(1, "a", "99.00", 10);
        d.Buy(1, "b", "98.00", 10);
        Assert.Equal(["status Halted"], d.Status(TradingStatus.Halted));
        Assert.Equal(["rejected InstrumentHalted"], d.Sell(2, "s", "99.00", 10));
        Assert.Equal(["rejected InstrumentHalted"], d.Replace(1, "a", "a", "99.00", 5));
        Assert.Equal(["cancelled #1 Requested 10"], d.Cancel(1, "a"));
        Assert.Equal(["status Open"], d.Status(TradingStatus.Open));
        Assert.Equal(["accepted #3", "trade 98.00 x10 #3<-#2"], d.Sell(2, "s", "98.00", 10));
    }

    [Fact]
    public void ShouldRejectNewOrdersWhileClosed()
    {
        var d = new EngineDriver();
        d.Status(TradingStatus.Closed);
        Assert.Equal(["rejected InstrumentClosed"], d.Sell(2, "s", "99.00", 10));
        Assert.Equal(["rejected UnknownSymbol"], d.Status(TradingStatus.Open, "NOPE"));
    }
}
