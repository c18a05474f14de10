using Exchange.Core.Commands;
using Exchange.Core.Domain;

namespace Exchange.Core.Tests.Matching;

public class ValidationTests
{
    private static EngineDriver Driver()
    {
        var d = new EngineDriver(withInstrument: false);
        d.Instrument("AAPL", tick: "0.05", lot: 10, min: 10, max: 1000);
        return d;
    }

    [Theory]
    [InlineData("NOPE", "100.00", 10, RejectReason.UnknownSymbol)]
    [InlineData("AAPL", "100.01", 10, RejectReason.PriceOffTick)]
    [InlineData("AAPL", "100.00", 15, RejectReason.QuantityOffLot)]
    [InlineData("AAPL", "100.00", 0, RejectReason.QuantityOffLot)]
    [InlineData("AAPL", "100.00", -10, RejectReason.QuantityOffLot)]
    [InlineData("AAPL", "100.00", 1010, RejectReason.QuantityOutOfRange)]
    [InlineData("AAPL", "0", 10, RejectReason.InvalidPrice)]
    [InlineData("AAPL", "-1.00", 10, RejectReason.InvalidPrice)]
    public void ShouldRejectWithATypedReasonAndChangeNothing(string symbol, string price, long qty, RejectReason reason)
    {
        var d = Driver();
        d.Buy(1, "resting", "99.00", 10);
        var before = d.Book();
        var events = d.Send(EngineDriver.Order(1, "x", Side.Buy, price, qty, symbol: symbol));
        var reject = Assert.Single(events);
        Assert.Equal(reason, reject.RejectReason);
        Assert.Equal(0, reject.OrderId);
        Assert.Equal("x", reject.ClientId.ToString());
        Assert.Equal(1, reject.Account);
        Assert.Equal(before, d.Book(), new BookComparer());
        Assert.Equal(1, d.Engine.LiveOrderCount);
        // No order id was used up.
        Assert.Equal(["accepted #2"], d.Buy(1, "y", "99.00", 10));
    }

    [Fact]
    public void ShouldRejectADuplicateClientOrderIdOfALiveOrder()
    {
        var d = Driver();
        d.Buy(1, "x", "99.00", 10);
        Assert.Equal(["rejected DuplicateClientOrderId"], d.Buy(1, "x", "98.00", 10));
        Assert.Equal(["accepted #2"], d.Buy(2, "x", "98.00", 10)); // another account may use it
        d.Cancel(1, "x");
        Assert.Equal(["accepted #3"], d.Buy(1, "x", "98.00", 10)); // free again once the order is gone
    }

    [Fact]
    public void ShouldRejectOrdersWithoutAnAccountOrClientId()
    {
        var d = Driver();
        Assert.Equal(["rejected InvalidOrder"], d.Buy(0, "x", "99.00", 10));
        var noId = EngineDriver.Order(1, "x", Side.Buy, "99.00", 10) with { ClientId = default };
        Assert.Equal(["rejected InvalidOrder"], d.New(noId));
        var badSide = EngineDriver.Order(1, "x", Side.Buy, "99.00", 10) with { Side = (Side)9 };
        Assert.Equal(["rejected InvalidOrder"], d.New(badSide));
    }

    [Fact]
    public void ShouldRejectAnInvalidOrDuplicateInstrument()
    {
        var d = Driver();
        Assert.Equal(["rejected InvalidInstrument"], d.Instrument("AAPL"));
        Assert.Equal(["rejected InvalidInstrument"], d.Instrument("BAD", tick: "0"));
        Assert.Equal(["rejected InvalidInstrument"], d.Instrument("BAD", lot: 10, min: 5));
        Assert.Equal(["instrument GOOD"], d.Instrument("GOOD"));
    }

    [Fact]
    public void ShouldRejectAnUnknownCommand()
    {
        var d = Driver();
        Assert.Equal(["rejected UnknownCommand"], EngineDriver.Describe(d.Send(new Command { Type = (CommandType)99 })));
    }

    /// <summary>Compares snapshots by content (the lists are not the same instances).</summary>
    private sealed class BookComparer : IEqualityComparer<Exchange.Core.Matching.BookSnapshot>
    {
        public bool Equals(Exchange.Core.Matching.BookSnapshot? x, Exchange.Core.Matching.BookSnapshot? y) =>
            x!.Symbol == y!.Symbol && x.Status == y.Status && x.LastTradePrice == y.LastTradePrice
            && x.Bids.SequenceEqual(y.Bids) && x.Asks.SequenceEqual(y.Asks)
            && x.BuyStops.SequenceEqual(y.BuyStops) && x.SellStops.SequenceEqual(y.SellStops);

        public int GetHashCode(Exchange.Core.Matching.BookSnapshot obj) => 0;
    }
}
