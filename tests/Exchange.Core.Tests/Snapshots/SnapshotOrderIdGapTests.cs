using Exchange.Core.Domain;
using Exchange.Core.Matching;
using Exchange.Core.Tests.Matching;

namespace Exchange.Core.Tests.Snapshots;

/// <summary>Restore maps order ids to pool slots through <c>OrderSlotMap</c>: a table when live ids are dense, a
/// search when they are spread thin. Both must rebuild the same state, with OCO partners and stops.</summary>
public class SnapshotOrderIdGapTests
{
    [Theory]
    [InlineData(3)] // every third order kept: dense table with gaps
    [InlineData(500)] // a few orders over thousands of ids: binary search
    public void ShouldRestoreTheSameStateWhateverTheGapsBetweenLiveOrderIds(int keepEvery)
    {
        var d = new EngineDriver();
        d.Sell(9, "seed-s", "100.00", 1);
        d.Buy(8, "seed-b", "100.00", 1); // last trade 100.00
        d.Sell(1, "tp", "150.00", 10);
        d.New(EngineDriver.Order(1, "sl", Side.Sell, null, 10, type: OrderType.Stop, stop: "50.00", oco: "tp"));
        for (int n = 0; n < 3000; n++)
        {
            string price = (60 + n % 30).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".00";
            d.Buy(2 + n % 5, $"b{n}", price, 1 + n % 7);
        }
        for (int n = 0; n < 3000; n++)
        {
            if (n % keepEvery != 0)
            {
                d.Cancel(2 + n % 5, $"b{n}");
            }
        }
        d.Sell(3, "last", "200.00", 4);
        d.New(EngineDriver.Order(3, "last-stop", Side.Buy, null, 2, type: OrderType.Stop, stop: "170.00", oco: "last"));

        var stream = new MemoryStream();
        d.Engine.WriteSnapshot(stream);
        stream.Position = 0;
        var restored = MatchingEngine.ReadSnapshot(stream);

        Assert.Equal(d.Engine.ComputeStateDigest(), restored.ComputeStateDigest());
        var symbol = Symbol.Parse(EngineDriver.Symbol);
        Assert.Equal(d.Engine.GetRestingOrders(symbol), restored.GetRestingOrders(symbol));
        Assert.Equal(d.Engine.GetStopOrders(symbol), restored.GetStopOrders(symbol));
        // The client-id index was rebuilt: cancelling by client id finds each remaining order.
        var cancel = new Exchange.Core.Commands.Command { Type = Exchange.Core.Commands.CommandType.Cancel, Timestamp = d.Time, Account = 3, ClientId = ClientOrderId.Parse("last") };
        Assert.Equal(d.Engine.Process(in cancel).ToArray(), restored.Process(in cancel).ToArray());
        Assert.Equal(d.Engine.ComputeStateDigest(), restored.ComputeStateDigest());
    }

    [Fact]
    public void RestingAndStopOrdersShouldBeTheBookSnapshotsListsInOneArray()
    {
        var d = new EngineDriver();
        d.Buy(1, "b1", "10.00", 5);
        d.Buy(2, "b2", "11.00", 3);
        d.Buy(1, "b3", "10.00", 2);
        d.Sell(3, "s1", "12.00", 4);
        d.Sell(3, "s2", "13.00", 1);
        d.New(EngineDriver.Order(4, "bs", Side.Buy, null, 2, type: OrderType.Stop, stop: "14.00"));
        d.New(EngineDriver.Order(4, "ss", Side.Sell, null, 2, type: OrderType.Stop, stop: "9.00"));
        var symbol = Symbol.Parse(EngineDriver.Symbol);
        var book = d.Engine.GetBookSnapshot(symbol);

        Assert.Equal([.. book.Bids, .. book.Asks], d.Engine.GetRestingOrders(symbol));
        Assert.Equal([.. book.BuyStops, .. book.SellStops], d.Engine.GetStopOrders(symbol));
        Assert.Equal(5, d.Engine.GetRestingOrders(symbol).Length);
        Assert.Throws<ArgumentException>(() => d.Engine.GetRestingOrders(Symbol.Parse("NONE")));
    }

    [Fact]
    public void RestingOrdersShouldBeEmptyForAnEmptyBook()
    {
        var d = new EngineDriver();
        var symbol = Symbol.Parse(EngineDriver.Symbol);

        Assert.Empty(d.Engine.GetRestingOrders(symbol));
        Assert.Empty(d.Engine.GetStopOrders(symbol));
    }
}
