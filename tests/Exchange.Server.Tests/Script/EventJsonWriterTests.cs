using Exchange.Core.Domain;
using Exchange.Core.Events;
using Exchange.Server.Script;

namespace Exchange.Server.Tests.Script;

public sealed class EventJsonWriterTests
{
    private readonly AccountDirectory _accounts = new();
    private readonly EventJsonWriter _writer;

    public EventJsonWriterTests()
    {
        _accounts.IdOf("A");
        _accounts.IdOf("B");
        _writer = new EventJsonWriter(_accounts);
    }

    private static EngineEvent Order(EventType type) => new()
    {
        Sequence = 3,
        Type = type,
        OrderId = 7,
        Account = 1,
        ClientId = ClientOrderId.Parse("a1"),
        Symbol = Symbol.Parse("AAPL"),
        Side = Side.Buy,
        OrderType = OrderType.Limit,
        TimeInForce = TimeInForce.Gtc,
        Price = Price.Parse("100.25"),
        Quantity = 100,
        LeavesQuantity = 100,
    };

    [Fact]
    public void AcceptedShowsTheOrderInAFixedKeyOrder() =>
        Assert.Equal("""{"seq":3,"event":"accepted","orderId":7,"account":"A","clientId":"a1","symbol":"AAPL","side":"buy","type":"limit","price":"100.25","qty":100,"tif":"gtc"}""",
            _writer.Format(Order(EventType.Accepted), 2));

    [Fact]
    public void AcceptedStopLimitIcebergShowsStopPriceAndDisplay()
    {
        var e = Order(EventType.Accepted);
        e.OrderType = OrderType.StopLimit;
        e.StopPrice = Price.Parse("101");
        e.DisplayQuantity = 10;
        e.TimeInForce = TimeInForce.Day;

        Assert.Equal("""{"seq":3,"event":"accepted","orderId":7,"account":"A","clientId":"a1","symbol":"AAPL","side":"buy","type":"stopLimit","price":"100.25","stopPrice":"101.00","qty":100,"display":10,"tif":"day"}""",
            _writer.Format(e, 2));
    }

    [Fact]
    public void AMarketOrderHasNoPrice()
    {
        var e = Order(EventType.Accepted);
        e.OrderType = OrderType.Market;
        e.TimeInForce = TimeInForce.Ioc;
        e.Price = 0;

        Assert.Equal("""{"seq":3,"event":"accepted","orderId":7,"account":"A","clientId":"a1","symbol":"AAPL","side":"buy","type":"market","qty":100,"tif":"ioc"}""",
            _writer.Format(e, 2));
    }

    [Fact]
    public void AcceptedNamesItsOcoPartner()
    {
        var e = Order(EventType.Accepted);
        e.OrigClientId = ClientOrderId.Parse("tp1");

        Assert.EndsWith(""","tif":"gtc","oco":"tp1"}""", _writer.Format(e, 2), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "100.25")]
    [InlineData(2, "100.25")]
    [InlineData(4, "100.2500")]
    [InlineData(8, "100.25000000")]
    public void PricesHaveAtLeastTheTickDecimals(int decimals, string expected) =>
        Assert.Contains($"\"price\":\"{expected}\"", _writer.Format(Order(EventType.Accepted), decimals), StringComparison.Ordinal);

    [Fact]
    public void RejectedEchoesWhatTheCommandNamedAndACamelCaseReason()
    {
        var e = new EngineEvent
        {
            Sequence = 9, Type = EventType.Rejected, RejectReason = RejectReason.PriceOffTick, Account = 2,
            ClientId = ClientOrderId.Parse("b1"), Symbol = Symbol.Parse("AAPL"), Side = Side.Sell,
        };

        Assert.Equal("""{"seq":9,"event":"rejected","account":"B","clientId":"b1","symbol":"AAPL","side":"sell","reason":"priceOffTick"}""",
            _writer.Format(e, 2));
    }

    [Fact]
    public void RejectedCancelShowsTheOrderItNamed()
    {
        var e = new EngineEvent
        {
            Sequence = 9, Type = EventType.Rejected, RejectReason = RejectReason.UnknownOrder, Account = 2,
            OrigClientId = ClientOrderId.Parse("zz"),
        };

        Assert.Equal("""{"seq":9,"event":"rejected","account":"B","origClientId":"zz","reason":"unknownOrder"}""", _writer.Format(e, 0));
    }

    [Fact]
    public void TradeShowsTakerFieldsThenTheMakerAsANestedObject()
    {
        var e = new EngineEvent
        {
            Sequence = 5, Type = EventType.Trade, TradeId = 1, Symbol = Symbol.Parse("AAPL"), Price = Price.Parse("100"),
            Quantity = 40, Side = Side.Sell, Account = 2, ClientId = ClientOrderId.Parse("b1"), OrderId = 2, LeavesQuantity = 0,
            FilledQuantity = 40, MakerAccount = 1, MakerClientId = ClientOrderId.Parse("a1"), MakerOrderId = 1,
            MakerLeavesQuantity = 60, MakerFilledQuantity = 40,
        };

        Assert.Equal("""{"seq":5,"event":"trade","tradeId":1,"symbol":"AAPL","price":"100.00","qty":40,"side":"sell","account":"B","clientId":"b1","orderId":2,"leaves":0,"maker":{"account":"A","clientId":"a1","orderId":1,"leaves":60}}""",
            _writer.Format(e, 2));
    }

    [Theory]
    [InlineData(CancelReason.Requested, "requested")]
    [InlineData(CancelReason.ImmediateOrCancel, "immediateOrCancel")]
    [InlineData(CancelReason.FillOrKill, "fillOrKill")]
    [InlineData(CancelReason.NoLiquidity, "noLiquidity")]
    [InlineData(CancelReason.Collar, "collar")]
    [InlineData(CancelReason.MassCancel, "massCancel")]
    [InlineData(CancelReason.SelfTrade, "selfTrade")]
    [InlineData(CancelReason.Oco, "oco")]
    public void CancelledShowsTheCancelledQuantityAndReason(CancelReason reason, string name)
    {
        var e = Order(EventType.Cancelled);
        e.CancelReason = reason;
        e.Quantity = 60;
        e.LeavesQuantity = 0;

        Assert.Equal($$"""{"seq":3,"event":"cancelled","orderId":7,"account":"A","clientId":"a1","symbol":"AAPL","side":"buy","qty":60,"reason":"{{name}}"}""",
            _writer.Format(e, 2));
    }

    [Theory]
    [InlineData(CancelReason.EndOfDay, "endOfDay")]
    [InlineData(CancelReason.Expired, "expired")]
    public void ExpiredShowsQuantityAndReason(CancelReason reason, string name)
    {
        var e = Order(EventType.Expired);
        e.CancelReason = reason;

        Assert.Equal($$"""{"seq":3,"event":"expired","orderId":7,"account":"A","clientId":"a1","symbol":"AAPL","side":"buy","qty":100,"reason":"{{name}}"}""",
            _writer.Format(e, 2));
    }

    [Fact]
    public void ReplacedShowsOldAndNewIdsQuantitiesAndPriority()
    {
        var e = Order(EventType.Replaced);
        e.ClientId = ClientOrderId.Parse("a2");
        e.OrigClientId = ClientOrderId.Parse("a1");
        e.Quantity = 150;
        e.LeavesQuantity = 110;
        e.PriorityKept = false;

        Assert.Equal("""{"seq":3,"event":"replaced","orderId":7,"account":"A","clientId":"a2","symbol":"AAPL","side":"buy","origClientId":"a1","price":"100.25","qty":150,"leaves":110,"priorityKept":false}""",
            _writer.Format(e, 2));
    }

    [Fact]
    public void TriggeredShowsTypeLimitAndStopPrice()
    {
        var e = Order(EventType.Triggered);
        e.OrderType = OrderType.Stop;
        e.Price = 0;
        e.StopPrice = Price.Parse("99.5");

        Assert.Equal("""{"seq":3,"event":"triggered","orderId":7,"account":"A","clientId":"a1","symbol":"AAPL","side":"buy","type":"stop","stopPrice":"99.50"}""",
            _writer.Format(e, 2));
    }

    [Fact]
    public void ReplenishedShowsTheNewSliceAndLeaves()
    {
        var e = Order(EventType.Replenished);
        e.DisplayQuantity = 10;
        e.LeavesQuantity = 35;

        Assert.Equal("""{"seq":3,"event":"replenished","orderId":7,"account":"A","clientId":"a1","symbol":"AAPL","side":"buy","display":10,"leaves":35}""",
            _writer.Format(e, 2));
    }

    [Fact]
    public void ReducedShowsTheReductionAndLeaves()
    {
        var e = Order(EventType.Reduced);
        e.Quantity = 30;
        e.LeavesQuantity = 70;

        Assert.Equal("""{"seq":3,"event":"reduced","orderId":7,"account":"A","clientId":"a1","symbol":"AAPL","side":"buy","qty":30,"leaves":70}""",
            _writer.Format(e, 2));
    }

    [Fact]
    public void InstrumentStatusAndMassCancelEventsShowTheirFields()
    {
        var instrument = new EngineEvent { Sequence = 1, Type = EventType.InstrumentAdded, Symbol = Symbol.Parse("X"), Price = Price.Parse("5") };
        var plain = new EngineEvent { Sequence = 1, Type = EventType.InstrumentAdded, Symbol = Symbol.Parse("X") };
        var status = new EngineEvent { Sequence = 2, Type = EventType.StatusChanged, Symbol = Symbol.Parse("X"), Status = TradingStatus.Halted };
        var mass = new EngineEvent { Sequence = 3, Type = EventType.MassCancelled, Account = 1, Quantity = 4 };

        Assert.Equal("""{"seq":1,"event":"instrument","symbol":"X","refPrice":"5.0"}""", _writer.Format(instrument, 1));
        Assert.Equal("""{"seq":1,"event":"instrument","symbol":"X"}""", _writer.Format(plain, 1));
        Assert.Equal("""{"seq":2,"event":"statusChanged","symbol":"X","status":"halted"}""", _writer.Format(status, 1));
        Assert.Equal("""{"seq":3,"event":"massCancelled","account":"A","count":4}""", _writer.Format(mass, 1));
    }

    [Fact]
    public void ErrorsHaveNoSequenceAndEscapeTheMessage() =>
        Assert.Equal("""{"event":"error","line":12,"message":"bad \"x\" +<>"}""", _writer.FormatError(12, "bad \"x\" +<>"));

    [Fact]
    public void AccountNamesAreWrittenBackAndUnknownIdsAsNumbers()
    {
        var e = Order(EventType.Cancelled);
        e.Account = 99;

        Assert.Contains("\"account\":\"99\"", _writer.Format(e, 2), StringComparison.Ordinal);
    }

    [Fact]
    public void ClientIdsWithJsonSpecialCharactersAreEscapedMinimally()
    {
        var e = Order(EventType.Accepted);
        e.ClientId = ClientOrderId.Parse("a\"b\\c+&");

        Assert.Contains("""
            "clientId":"a\"b\\c+&"
            """, _writer.Format(e, 2), StringComparison.Ordinal);
    }
}
