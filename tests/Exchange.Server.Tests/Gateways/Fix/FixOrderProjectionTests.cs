using Exchange.Core.Domain;
using Exchange.Core.Events;
using Exchange.Server.Gateways.Fix;
using Exchange.Server.Pipeline;

namespace Exchange.Server.Tests.Gateways.Fix;

public sealed class FixOrderProjectionTests
{
    private readonly FixOrderProjection _orders = new();
    private long _sequence;

    public FixOrderProjectionTests() => _orders.TrackSession(0); // the events below come from session 0

    private void Apply(EngineEvent e)
    {
        e.Sequence = ++_sequence;
        _orders.OnEvent(new OutboundSlot { Event = e });
    }

    private static ClientOrderId Id(string text) => ClientOrderId.Parse(text);

    private static EngineEvent Accepted(long account, string id, long orderId, Side side, string price, long qty) => new()
    {
        Type = EventType.Accepted, Account = account, ClientId = Id(id), OrderId = orderId, Symbol = Symbol.Parse("AAPL"), Side = side,
        OrderType = OrderType.Limit, TimeInForce = TimeInForce.Gtc, Price = Price.Parse(price), Quantity = qty, LeavesQuantity = qty,
    };

    private static EngineEvent Trade(long taker, string takerId, long takerOrder, long maker, string makerId, long makerOrder, string price, long qty,
        long takerCum, long takerLeaves, long makerCum, long makerLeaves) => new()
    {
        Type = EventType.Trade, Account = taker, ClientId = Id(takerId), OrderId = takerOrder, Side = Side.Buy, Symbol = Symbol.Parse("AAPL"),
        Price = Price.Parse(price), Quantity = qty, FilledQuantity = takerCum, LeavesQuantity = takerLeaves, MakerAccount = maker,
        MakerClientId = Id(makerId), MakerOrderId = makerOrder, MakerFilledQuantity = makerCum, MakerLeavesQuantity = makerLeaves,
    };

    [Fact]
    public void ShouldAverageFillPricesExactlyForBothSides()
    {
        Apply(Accepted(1, "s1", 1, Side.Sell, "10.00", 3));
        Apply(Accepted(1, "s2", 2, Side.Sell, "10.01", 3));
        Apply(Accepted(2, "b", 3, Side.Buy, "10.01", 6));
        Apply(Trade(2, "b", 3, 1, "s1", 1, "10.00", 3, 3, 3, 3, 0));
        Apply(Trade(2, "b", 3, 1, "s2", 2, "10.01", 1, 4, 2, 1, 2));

        Assert.True(_orders.TryGet(2, Id("b"), out var buyer));
        Assert.Equal((4, 2, '1'), (buyer.CumQuantity, buyer.LeavesQuantity, buyer.OrdStatus));
        Assert.Equal(Price.Parse("10.0025"), buyer.AveragePrice); // (3 x 10.00 + 1 x 10.01) / 4
        Assert.True(_orders.TryGet(1, Id("s1"), out var filled));
        Assert.Equal(('2', Price.Parse("10.00")), (filled.OrdStatus, filled.AveragePrice));
        Assert.False(_orders.TryGet(1, Id("b"), out _)); // keyed by account: not another account's order
    }

    [Fact]
    public void ShouldFollowAReplaceToItsNewIdAndACancel()
    {
        Apply(Accepted(1, "a", 1, Side.Buy, "10.00", 5));
        Apply(new EngineEvent
        {
            Type = EventType.Replaced, Account = 1, ClientId = Id("a2"), OrigClientId = Id("a"), OrderId = 1, Price = Price.Parse("10.05"),
            Quantity = 7, LeavesQuantity = 7,
        });
        Assert.False(_orders.TryGet(1, Id("a"), out _));
        Assert.True(_orders.TryGet(1, Id("a2"), out var replaced));
        Assert.Equal((7, Price.Parse("10.05"), '0'), (replaced.OrderQuantity, replaced.Price, replaced.OrdStatus));

        Apply(new EngineEvent { Type = EventType.Cancelled, Account = 1, ClientId = Id("a2"), OrderId = 1, Quantity = 7 });
        Assert.True(_orders.TryGet(1, Id("a2"), out var cancelled));
        Assert.Equal(('4', 0), (cancelled.OrdStatus, cancelled.LeavesQuantity));
    }

    [Fact]
    public void ShouldPriceFillsBeforeARestartAtTheFirstFillItSees()
    {
        // The projection starts empty after a restart; the order had 4 filled already.
        Apply(Trade(2, "old", 9, 1, "other", 10, "20.00", 1, 5, 5, 1, 0));
        Assert.True(_orders.TryGet(2, Id("old"), out var order));
        Assert.Equal((5, Price.Parse("20.00"), true), (order.CumQuantity, order.AveragePrice, order.AveragePriceApproximate));
    }

    [Fact]
    public void ShouldKeepOnlyOrdersEnteredThroughFixSessionsAndOlderOrdersThatFill()
    {
        var orders = new FixOrderProjection();
        orders.TrackSession(7);
        orders.OnEvent(new OutboundSlot { SessionId = 7, Event = Accepted(1, "fix", 10, Side.Sell, "10.00", 5) });
        orders.OnEvent(new OutboundSlot { SessionId = 8, Event = Accepted(1, "binary", 11, Side.Sell, "10.00", 5) });
        Assert.True(orders.TryGet(1, Id("fix"), out _));
        Assert.False(orders.TryGet(1, Id("binary"), out _));

        // A fill of the binary order (entered since the start) adds nothing; one of an order from before the
        // start (a smaller id: maybe a FIX order before a restart) is kept, its AvgPx approximate.
        orders.OnEvent(new OutboundSlot { SessionId = 8, Event = Trade(2, "t1", 12, 1, "binary", 11, "10.00", 1, 1, 0, 1, 4) });
        Assert.False(orders.TryGet(1, Id("binary"), out _));
        orders.OnEvent(new OutboundSlot { SessionId = 8, Event = Trade(2, "t2", 13, 1, "old", 3, "10.00", 1, 1, 0, 2, 4) });
        Assert.True(orders.TryGet(1, Id("old"), out var old));
        Assert.True(old.AveragePriceApproximate);
    }
}
