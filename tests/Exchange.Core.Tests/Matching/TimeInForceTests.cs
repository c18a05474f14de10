using Exchange.Core.Domain;

namespace Exchange.Core.Tests.Matching;

public class TimeInForceTests
{
    [Fact]
    public void ShouldCancelTheRemainderOfAnIocOrder()
    {
        var d = new EngineDriver();
        d.Sell(2, "s1", "100.00", 4);
        Assert.Equal(["accepted #2", "trade 100.00 x4 #2<-#1", "cancelled #2 ImmediateOrCancel 6"],
            d.Buy(1, "b1", "100.00", 10, TimeInForce.Ioc));
        Assert.Equal("bids [] asks []", d.Depth());
    }

    [Fact]
    public void ShouldKillAFokOrderWithoutAnyTradeWhenItCannotFillCompletely()
    {
        var d = new EngineDriver();
        d.Sell(2, "s1", "100.00", 4);
        d.Sell(2, "s2", "100.01", 4);
        Assert.Equal(["accepted #3", "cancelled #3 FillOrKill 10"], d.Buy(1, "b1", "100.01", 10, TimeInForce.Fok));
        Assert.Equal("bids [] asks [100.00:4#1 100.01:4#2]", d.Depth());
    }

    [Fact]
    public void ShouldFillAFokOrderAcrossLevels()
    {
        var d = new EngineDriver();
        d.Sell(2, "s1", "100.00", 4);
        d.Sell(2, "s2", "100.01", 8);
        Assert.Equal(["accepted #3", "trade 100.00 x4 #3<-#1", "trade 100.01 x6 #3<-#2"],
            d.Buy(1, "b1", "100.01", 10, TimeInForce.Fok));
    }

    [Fact]
    public void ShouldCountHiddenIcebergQuantityForFok()
    {
        var d = new EngineDriver();
        d.New(EngineDriver.Order(2, "s1", Side.Sell, "100.00", 20, display: 5));
        var events = d.New(EngineDriver.Order(1, "b1", Side.Buy, "100.00", 12, tif: TimeInForce.Fok));
        Assert.Equal(["accepted #2", "trade 100.00 x5 #2<-#1", "replenished #1 5", "trade 100.00 x5 #2<-#1",
            "replenished #1 5", "trade 100.00 x2 #2<-#1"], events);
    }

    [Fact]
    public void ShouldExpireDayOrdersAtEndOfDayOnly()
    {
        var d = new EngineDriver();
        d.Buy(1, "day", "99.00", 10, TimeInForce.Day);
        d.Buy(1, "gtc", "98.00", 10);
        Assert.Equal(["expired #1 EndOfDay 10"], d.EndOfDay());
        Assert.Equal("bids [98.00:10#2] asks []", d.Depth());
    }

    [Fact]
    public void ShouldExpireDayOrdersOfOneSymbolOnly()
    {
        var d = new EngineDriver();
        d.Instrument("MSFT");
        d.Buy(1, "a", "99.00", 10, TimeInForce.Day);
        d.Buy(1, "m", "99.00", 10, TimeInForce.Day, symbol: "MSFT");
        Assert.Equal(["expired #2 EndOfDay 10"], d.EndOfDay("MSFT"));
        Assert.Equal(["expired #1 EndOfDay 10"], d.EndOfDay());
    }

    [Fact]
    public void ShouldExpireGoodTillDateOrdersWhenTimeReachesTheirExpiry()
    {
        var d = new EngineDriver();
        d.New(EngineDriver.Order(1, "late", Side.Buy, "99.00", 10, tif: TimeInForce.Gtd, expire: 5_000));
        d.New(EngineDriver.Order(1, "early", Side.Buy, "98.00", 10, tif: TimeInForce.Gtd, expire: 3_000));
        Assert.Empty(d.AdvanceTo(2_999));
        Assert.Equal(["expired #2 Expired 10"], d.AdvanceTo(3_000));
        // Expiry runs before the command that carries the time.
        d.Time = 6_000;
        Assert.Equal(["expired #1 Expired 10", "accepted #3"], d.Sell(2, "s", "99.00", 5));
    }

    [Fact]
    public void ShouldRejectGoodTillDateInThePast()
    {
        var d = new EngineDriver();
        Assert.Equal(["rejected InvalidExpireTime"],
            d.New(EngineDriver.Order(1, "x", Side.Buy, "99.00", 10, tif: TimeInForce.Gtd, expire: d.Time)));
    }

    [Fact]
    public void ShouldExpireSameTimeOrdersByOrderId()
    {
        var d = new EngineDriver();
        for (int i = 0; i < 5; i++)
        {
            d.New(EngineDriver.Order(1, $"o{i}", Side.Buy, $"9{i}.00", 1, tif: TimeInForce.Gtd, expire: 2_000));
        }
        Assert.Equal(["expired #1 Expired 1", "expired #2 Expired 1", "expired #3 Expired 1", "expired #4 Expired 1",
            "expired #5 Expired 1"], d.AdvanceTo(2_000));
    }

    [Fact]
    public void ShouldNeverLetEngineTimeGoBackwards()
    {
        var d = new EngineDriver();
        d.Time = 5_000;
        d.Buy(1, "a", "99.00", 1);
        d.Time = 4_000; // stamped earlier by another producer
        var events = d.Send(EngineDriver.Order(1, "g", Side.Buy, "98.00", 1, tif: TimeInForce.Gtd, expire: 4_500));
        Assert.Equal(RejectReason.InvalidExpireTime, events[0].RejectReason);
        Assert.Equal(5_000, events[0].Timestamp);
    }
}
