using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Matching;
using Exchange.MarketData.Views;

namespace Exchange.MarketData.Tests.Views;

public class ShardSeedTests
{
    /// <summary>An engine with one instrument, <paramref name="bids"/> buy orders and <paramref name="asks"/> sell orders
    /// on many levels (several orders per level), and two untriggered stops.</summary>
    private static MatchingEngine Engine(int bids, int asks)
    {
        var engine = new MatchingEngine(new EngineOptions { OrderCapacity = bids + asks + 16 });
        var symbol = Symbol.Parse("SEED");
        Send(engine, new Command { Type = CommandType.AddInstrument, Symbol = symbol, TickSize = 1, LotSize = 1, MinQuantity = 1, MaxQuantity = 1_000_000 });
        long id = 0;
        void Order(Side side, long price, long quantity, OrderType type = OrderType.Limit, long stop = 0) => Send(engine, new Command
        {
            Type = CommandType.NewOrder, Symbol = symbol, Account = 1 + id % 7, ClientId = ClientOrderId.FromNumber(++id), Side = side,
            OrderType = type, TimeInForce = TimeInForce.Gtc, Price = price, StopPrice = stop, Quantity = quantity, Timestamp = 1,
        });
        for (int n = 0; n < bids; n++)
        {
            Order(Side.Buy, 10_000 - n % 997, 1 + n % 9);
        }
        for (int n = 0; n < asks; n++)
        {
            Order(Side.Sell, 10_001 + n % 991, 1 + n % 5);
        }
        Order(Side.Buy, 0, 3, OrderType.Stop, stop: 20_000);
        Order(Side.Sell, 0, 4, OrderType.Stop, stop: 5_000);
        return engine;
    }

    private static void Send(MatchingEngine engine, Command command) => engine.Process(in command);

    [Theory]
    [InlineData(300, 200)] // copied on one thread
    [InlineData(70_000, 50_000)] // a side per thread
    [InlineData(ShardSeed.ParallelFromOrders, 0)] // a side per thread, one of them empty
    public void ShouldHoldTheBookInPriorityOrderBidsThenAsksAndTheStops(int bids, int asks)
    {
        var engine = Engine(bids, asks);
        var book = engine.GetBookSnapshot(Symbol.Parse("SEED"));

        var seed = ShardSeed.Capture(3, engine);

        Assert.Equal(3, seed.Shard);
        Assert.Equal(engine.Sequence, seed.EngineSequence);
        var instrument = Assert.Single(seed.Instruments);
        Assert.Equal(bids + asks, instrument.Orders.Count);
        Assert.Equal([.. book.Bids, .. book.Asks], instrument.Orders);
        Assert.Equal([.. book.BuyStops, .. book.SellStops], instrument.Stops!);
        Assert.Equal(2, instrument.Stops!.Count);
    }

    [Fact]
    public void CopyingASideNeedsADestinationOfExactlyItsSize()
    {
        var engine = Engine(10, 5);
        var symbol = Symbol.Parse("SEED");

        Assert.Equal(10, engine.CountRestingOrders(symbol, Side.Buy));
        Assert.Equal(5, engine.CountRestingOrders(symbol, Side.Sell));
        Assert.Throws<ArgumentException>(() => engine.CopyRestingOrders(symbol, Side.Sell, new RestingOrder[4]));
        Assert.Throws<ArgumentException>(() => engine.CopyRestingOrders(symbol, Side.Sell, new RestingOrder[6]));
        var asks = new RestingOrder[5];
        engine.CopyRestingOrders(symbol, Side.Sell, asks);
        Assert.Equal(engine.GetBookSnapshot(symbol).Asks, asks);
    }
}
