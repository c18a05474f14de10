using System.Net;
using System.Text.Json;
using Exchange.Api.Tests.WebSockets;
using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Events;
using Exchange.Journal;
using Exchange.MarketData.Views;
using Exchange.Server.Configuration;
using Exchange.Server.MarketData;
using Exchange.Server.Tests.Node;

namespace Exchange.Server.Tests.MarketData;

/// <summary>The private orders channel through a running exchange: two configured accounts trade with each other and
/// each logged-in subscriber sees exactly its own side.</summary>
public class PrivateOrdersNodeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static ExchangeConfig Config(string directory, IReadOnlyList<ShardConfig> shards)
    {
        using var probe = new System.Net.Sockets.UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return new()
        {
            DataDirectory = directory,
            Durability = DurabilityMode.None,
            SnapshotEveryCommands = 0,
            Instruments = [new("AAA", "0.01", 1, ReferencePrice: "100.00"), new("BBB", "0.01", 1, ReferencePrice: "100.00")],
            HttpEndpoint = "127.0.0.1:0",
            MarketDataFeedEndpoint = probe.Client.LocalEndPoint!.ToString()!,
            MarketDataRequestEndpoint = "127.0.0.1:0",
            MarketDataSnapshotEndpoint = "127.0.0.1:0",
            Shards = shards,
        };
    }

    private static Command Order(string symbol, long account, string client, Side side, string price, long quantity) => new()
    {
        Type = CommandType.NewOrder, Symbol = Symbol.Parse(symbol), Account = account, ClientId = ClientOrderId.Parse(client), Side = side,
        OrderType = OrderType.Limit, TimeInForce = TimeInForce.Gtc, Price = Price.Parse(price), Quantity = quantity,
    };

    private static Command Cancel(string symbol, long account, string client) => new()
    {
        Type = CommandType.Cancel, Symbol = Symbol.Parse(symbol), Account = account, OrigClientId = ClientOrderId.Parse(client),
    };

    private static string S(JsonElement m, string name) => m.GetProperty(name).GetString()!;

    private static long L(JsonElement m, string name) => m.GetProperty(name).GetInt64();

    [Theory]
    [InlineData("AAA", 1)] // one shard
    [InlineData("BBB", 2)] // BBB on shard 1: public order ids carry the shard
    public async Task TwoAccountsTradeAndEachSeesOnlyItsOwnSide(string symbol, int shardCount)
    {
        using var dir = new TempDirectory();
        IReadOnlyList<ShardConfig> shards = shardCount == 1 ? [new(0, [])] : [new(0, ["AAA"]), new(1, ["BBB"])];
        var config = Config(dir.Path, shards);
        await using var marketData = await MarketDataNode.StartAsync(config);
        using var node = ExchangeNode.Start(config, [marketData.Listener]);
        int shard = node.Router.ShardOf(Symbol.Parse(symbol));

        var uri = new Uri($"ws://{marketData.HttpAddress.Authority}/ws");
        await using var one = await OrdersClient.ConnectAsync(uri);
        await using var two = await OrdersClient.ConnectAsync(uri);
        await using var wrong = await OrdersClient.ConnectAsync(uri);
        await wrong.LoginAsync("TRADER2", "not the password");
        Assert.Equal("error", S(await wrong.NextAsync(), "type"));
        foreach (var (client, name) in new[] { (one, "TRADER1"), (two, "TRADER2") })
        {
            await client.LoginAsync(name, "demo");
            Assert.Equal("loggedIn", S(await client.NextAsync(), "type"));
            await client.SubscribeOrdersAsync();
            Assert.Equal("subscribed", S(await client.NextAsync(), "type"));
            var snapshot = await client.NextAsync();
            Assert.Equal("snapshot", S(snapshot, "type"));
            Assert.Equal(0, L(snapshot, "seq"));
            Assert.Equal(0, snapshot.GetProperty("orders").GetArrayLength());
        }

        var results = new List<Exchange.Server.Pipeline.CommandResult>
        {
            await node.Client.SubmitAsync(Order(symbol, 1, "BUY1", Side.Buy, "100.00", 10)),
            await node.Client.SubmitAsync(Order(symbol, 2, "SELL1", Side.Sell, "100.00", 4)),
            await node.Client.SubmitAsync(Order(symbol, 2, "SELL2", Side.Sell, "100.00", 6)),
            await node.Client.SubmitAsync(Order(symbol, 1, "BUY2", Side.Buy, "99.00", 5)),
            await node.Client.SubmitAsync(Cancel(symbol, 1, "BUY2")),
        };
        Assert.DoesNotContain(results.SelectMany(r => r.Events), e => e.Type == EventType.Rejected);
        node.Stop();
        Assert.True(marketData.Service.WaitUntilIdle(Timeout));

        // TRADER1: BUY1 accepted, filled 4 then 6 as the maker; BUY2 accepted and cancelled.
        var expectedOne = new (string Event, string Client, string Liquidity, long Leaves, long Filled, string Status)[]
        {
            ("accepted", "BUY1", "", 10, 0, "new"),
            ("fill", "BUY1", "maker", 6, 4, "partiallyFilled"),
            ("fill", "BUY1", "maker", 0, 10, "filled"),
            ("accepted", "BUY2", "", 5, 0, "new"),
            ("cancelled", "BUY2", "", 0, 0, "cancelled"),
        };
        // TRADER2: each sell accepted then filled as the taker.
        var expectedTwo = new (string Event, string Client, string Liquidity, long Leaves, long Filled, string Status)[]
        {
            ("accepted", "SELL1", "", 4, 0, "new"),
            ("fill", "SELL1", "taker", 0, 4, "filled"),
            ("accepted", "SELL2", "", 6, 0, "new"),
            ("fill", "SELL2", "taker", 0, 6, "filled"),
        };
        var tradesOne = new List<long>();
        var tradesTwo = new List<long>();
        foreach (var (client, expected, account, side, trades) in new[]
                 { (one, expectedOne, "TRADER1", "buy", tradesOne), (two, expectedTwo, "TRADER2", "sell", tradesTwo) })
        {
            for (int i = 0; i < expected.Length; i++)
            {
                var m = await client.NextAsync();
                Assert.Equal("update", S(m, "type"));
                Assert.Equal("orders", S(m, "channel"));
                Assert.Equal(account, S(m, "account"));
                Assert.Equal(i + 1, L(m, "seq"));
                Assert.Equal(symbol, S(m, "symbol"));
                Assert.Equal(side, S(m, "side"));
                Assert.Equal(expected[i].Event, S(m, "event"));
                Assert.Equal(expected[i].Client, S(m, "clientId"));
                Assert.Equal(expected[i].Leaves, L(m, "leaves"));
                Assert.Equal(expected[i].Filled, L(m, "filled"));
                Assert.Equal(expected[i].Status, S(m, "status"));
                Assert.Equal(shard, (int)(L(m, "orderId") >> 48));
                if (expected[i].Event == "fill")
                {
                    Assert.Equal(expected[i].Liquidity, S(m, "liquidity"));
                    Assert.Equal("100.00", S(m, "tradePrice"));
                    trades.Add(L(m, "tradeId"));
                }
            }
            await Task.Delay(100);
            Assert.DoesNotContain(client.Rest(), m => S(m, "type") != "heartbeat");
        }
        Assert.Equal(tradesOne, tradesTwo); // both sides of the same two trades
        Assert.Equal(2, tradesOne.Distinct().Count());
        Assert.DoesNotContain(wrong.Rest(), m => S(m, "type") == "update");
        Assert.Equal(0, marketData.Service.Faults);
    }

    [Fact]
    public async Task AfterARestartTheSnapshotHoldsTheRecoveredOpenOrders()
    {
        using var dir = new TempDirectory();
        var config = Config(dir.Path, [new(0, [])]);
        await using (var marketData = await MarketDataNode.StartAsync(config))
        {
            using var node = ExchangeNode.Start(config, [marketData.Listener]);
            await node.Client.SubmitAsync(Order("AAA", 1, "REST", Side.Buy, "99.00", 7));
            await node.Client.SubmitAsync(Order("AAA", 2, "SELL", Side.Sell, "99.00", 2)); // REST keeps 5
            await node.Client.SubmitAsync(Order("AAA", 1, "STOP", Side.Buy, "0", 3) with { OrderType = OrderType.Stop, StopPrice = Price.Parse("120.00") });
            await node.Client.SubmitAsync(Order("AAA", 1, "DONE", Side.Buy, "98.00", 1));
            await node.Client.SubmitAsync(Cancel("AAA", 1, "DONE"));
            node.Stop();
        }
        await using var restarted = await MarketDataNode.StartAsync(config);
        using var again = ExchangeNode.Start(config, [restarted.Listener]);
        Assert.True(restarted.Service.WaitUntilIdle(Timeout));

        var uri = new Uri($"ws://{restarted.HttpAddress.Authority}/ws");
        await using var one = await OrdersClient.ConnectAsync(uri);
        await one.LoginAsync("TRADER1", "demo");
        Assert.Equal("loggedIn", S(await one.NextAsync(), "type"));
        await one.SubscribeOrdersAsync();
        Assert.Equal("subscribed", S(await one.NextAsync(), "type"));
        var snapshot = await one.NextAsync();
        Assert.Equal("snapshot", S(snapshot, "type"));
        Assert.Equal(0, L(snapshot, "seq")); // the sequence starts over with the server
        var orders = snapshot.GetProperty("orders").EnumerateArray().ToList();
        Assert.Equal(["REST", "STOP"], orders.Select(o => S(o, "clientId")));
        Assert.Equal(("99.00", 7L, 5L, 2L, "partiallyFilled"), (S(orders[0], "price"), L(orders[0], "qty"), L(orders[0], "leaves"), L(orders[0], "filled"), S(orders[0], "status")));
        Assert.Equal(("stop", "120.00", 3L), (S(orders[1], "orderType"), S(orders[1], "stopPrice"), L(orders[1], "leaves")));
        var engine = again.Pipeline.Engine.GetBookSnapshot(Symbol.Parse("AAA"));
        Assert.Equal(engine.Bids.Concat(engine.BuyStops).Where(o => o.Account == 1).Select(o => o.OrderId), orders.Select(o => L(o, "orderId")));

        // The recovered order trades: the update follows the snapshot.
        await again.Client.SubmitAsync(Order("AAA", 2, "HIT", Side.Sell, "99.00", 5));
        var fill = await one.NextAsync();
        Assert.Equal(("fill", "REST", 1L, 0L, "filled"), (S(fill, "event"), S(fill, "clientId"), L(fill, "seq"), L(fill, "leaves"), S(fill, "status")));
    }
}
