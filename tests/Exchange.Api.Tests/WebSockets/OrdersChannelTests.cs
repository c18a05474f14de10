using System.Net.WebSockets;
using System.Text.Json;
using Exchange.Api.WebSockets;
using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Tests.Model;
using static Exchange.Api.Tests.WebSockets.ProtocolTests;

namespace Exchange.Api.Tests.WebSockets;

/// <summary>The private orders channel: login, and each account's own order updates and fills only.</summary>
public class OrdersChannelTests
{
    private static string Type(JsonElement m) => m.GetProperty("type").GetString()!;

    private static string Text(JsonElement m) => m.TryGetProperty("text", out var t) ? t.GetString()! : "";

    internal static Command Cancel(string origClient, long account) => new()
    {
        Type = CommandType.Cancel, Symbol = Symbol.Parse("XYZ"), Account = account, OrigClientId = ClientOrderId.Parse(origClient),
        Timestamp = 1_767_225_602_000_000_000,
    };

    [Fact]
    public async Task GoodCredentialsLogInAndWrongOnesAreRefused()
    {
        await using var server = await FeedServer.StartAsync();
        await using var client = await OrdersClient.ConnectAsync(server.WebSocketAddress);
        await client.SubscribeOrdersAsync();
        var early = await client.NextAsync();
        Assert.Equal("error", Type(early));
        Assert.Contains("log in first", Text(early));

        await client.LoginAsync("TRADER1", "wrong");
        Assert.Contains("login failed", Text(await client.NextAsync()));
        await client.LoginAsync("NOBODY", "demo");
        Assert.Contains("login failed", Text(await client.NextAsync()));
        await client.LoginAsync("TRADER1", "demo");
        var ok = await client.NextAsync();
        Assert.Equal("loggedIn", Type(ok));
        Assert.Equal("TRADER1", ok.GetProperty("account").GetString());
        await client.LoginAsync("TRADER2", "demo");
        Assert.Contains("already logged in", Text(await client.NextAsync()));

        await client.SubscribeOrdersAsync("protobuf");
        Assert.Contains("only the json format", Text(await client.NextAsync()));
        await client.SubscribeOrdersAsync();
        var subscribed = await client.NextAsync();
        Assert.Equal("subscribed", Type(subscribed));
        Assert.Equal("orders", subscribed.GetProperty("channel").GetString());
        var snapshot = await client.NextAsync();
        Assert.Equal("snapshot", Type(snapshot));
        Assert.Equal(0, snapshot.GetProperty("seq").GetInt64());
        Assert.Equal(0, snapshot.GetProperty("orders").GetArrayLength());
        await client.SubscribeOrdersAsync();
        Assert.Contains("already subscribed", Text(await client.NextAsync()));
        await client.SendAsync("""{"op":"unsubscribe","channel":"orders"}""");
        Assert.Equal("unsubscribed", Type(await client.NextAsync()));
    }

    [Fact]
    public async Task RepeatedFailedLoginsCloseTheConnection()
    {
        await using var server = await FeedServer.StartAsync();
        await using var client = await OrdersClient.ConnectAsync(server.WebSocketAddress);
        for (int i = 1; i < MarketDataHub.MaxFailedLogins; i++)
        {
            await client.LoginAsync("TRADER1", $"guess{i}");
            Assert.Contains("login failed", Text(await client.NextAsync()));
        }
        await client.LoginAsync("TRADER1", "last guess");
        Assert.True(await client.WaitClosedAsync());
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, client.CloseStatus);
        Assert.Equal($"{MarketDataHub.MaxFailedLogins} failed logins", client.CloseReason);
    }

    [Fact]
    public async Task EachAccountSeesItsOwnOrdersAndFillsOnly()
    {
        await using var server = await FeedServer.StartAsync();
        server.Run([Instrument("XYZ"), Limit("old", Side.Buy, 90, 1, account: 1), Limit("other", Side.Buy, 91, 2, account: 2),
            Limit("gone", Side.Buy, 92, 3, account: 1), Cancel("gone", account: 1)]); // before subscribing: in the snapshot
        Assert.True(server.Service.WaitUntilIdle(TimeSpan.FromSeconds(30))); // applied before the subscriptions
        await using var one = await OrdersClient.ConnectAsync(server.WebSocketAddress);
        await using var two = await OrdersClient.ConnectAsync(server.WebSocketAddress);
        foreach (var (client, name) in new[] { (one, "TRADER1"), (two, "TRADER2") })
        {
            await client.LoginAsync(name);
            Assert.Equal("loggedIn", Type(await client.NextAsync()));
            await client.SubscribeOrdersAsync();
            Assert.Equal("subscribed", Type(await client.NextAsync()));
            var snapshot = await client.NextAsync();
            Assert.Equal("snapshot", Type(snapshot));
            Assert.Equal(name == "TRADER1" ? 3 : 1, snapshot.GetProperty("seq").GetInt64()); // old, gone accepted, gone cancelled
            var open = Assert.Single(snapshot.GetProperty("orders").EnumerateArray());
            Assert.Equal(name == "TRADER1" ? "old" : "other", open.GetProperty("clientId").GetString());
            Assert.Equal(name == "TRADER1" ? "90.00" : "91.00", open.GetProperty("price").GetString());
            Assert.Equal(name == "TRADER1" ? 1 : 2, open.GetProperty("leaves").GetInt64());
            Assert.Equal("new", open.GetProperty("status").GetString());
        }
        server.Run([
            Limit("b1", Side.Buy, 100, 10, account: 1),
            Limit("x3", Side.Buy, 95, 5, account: 3), // a third account: nobody's channel here
            Limit("s1", Side.Sell, 100, 4, account: 2),
            Cancel("b1", account: 1),
        ]);

        // TRADER1's snapshot was at seq 3.
        var accepted = await one.NextAsync();
        Assert.Equal(4, accepted.GetProperty("seq").GetInt64());
        Assert.Equal("accepted", accepted.GetProperty("event").GetString());
        Assert.Equal("b1", accepted.GetProperty("clientId").GetString());
        Assert.Equal("XYZ", accepted.GetProperty("symbol").GetString());
        Assert.Equal("buy", accepted.GetProperty("side").GetString());
        Assert.Equal("100.00", accepted.GetProperty("price").GetString());
        Assert.Equal(10, accepted.GetProperty("qty").GetInt64());
        Assert.Equal(10, accepted.GetProperty("leaves").GetInt64());
        Assert.Equal("new", accepted.GetProperty("status").GetString());
        long orderId = accepted.GetProperty("orderId").GetInt64();
        var fill = await one.NextAsync();
        Assert.Equal(5, fill.GetProperty("seq").GetInt64());
        Assert.Equal("fill", fill.GetProperty("event").GetString());
        Assert.Equal(orderId, fill.GetProperty("orderId").GetInt64());
        Assert.Equal("b1", fill.GetProperty("clientId").GetString());
        Assert.Equal("buy", fill.GetProperty("side").GetString());
        Assert.Equal("maker", fill.GetProperty("liquidity").GetString());
        Assert.Equal("100.00", fill.GetProperty("tradePrice").GetString());
        Assert.Equal(4, fill.GetProperty("tradeQty").GetInt64());
        Assert.Equal(6, fill.GetProperty("leaves").GetInt64());
        Assert.Equal(4, fill.GetProperty("filled").GetInt64());
        Assert.Equal("partiallyFilled", fill.GetProperty("status").GetString());
        long tradeId = fill.GetProperty("tradeId").GetInt64();
        var cancelled = await one.NextAsync();
        Assert.Equal(6, cancelled.GetProperty("seq").GetInt64());
        Assert.Equal("cancelled", cancelled.GetProperty("event").GetString());
        Assert.Equal(6, cancelled.GetProperty("cancelledQty").GetInt64());
        Assert.Equal(0, cancelled.GetProperty("leaves").GetInt64());
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());

        var sold = await two.NextAsync();
        Assert.Equal(2, sold.GetProperty("seq").GetInt64());
        Assert.Equal("accepted", sold.GetProperty("event").GetString());
        Assert.Equal("s1", sold.GetProperty("clientId").GetString());
        var taken = await two.NextAsync();
        Assert.Equal(3, taken.GetProperty("seq").GetInt64());
        Assert.Equal("fill", taken.GetProperty("event").GetString());
        Assert.Equal("s1", taken.GetProperty("clientId").GetString());
        Assert.Equal("sell", taken.GetProperty("side").GetString());
        Assert.Equal("taker", taken.GetProperty("liquidity").GetString());
        Assert.Equal(tradeId, taken.GetProperty("tradeId").GetInt64());
        Assert.Equal(0, taken.GetProperty("leaves").GetInt64());
        Assert.Equal("filled", taken.GetProperty("status").GetString());

        Assert.True(server.Service.WaitUntilIdle(TimeSpan.FromSeconds(30)));
        await Task.Delay(100);
        Assert.DoesNotContain(one.Rest(), m => Type(m) != "heartbeat");
        Assert.DoesNotContain(two.Rest(), m => Type(m) != "heartbeat");
    }

    [Fact]
    public async Task AClientThatCannotKeepUpIsClosedWithAReason()
    {
        await using var server = await FeedServer.StartAsync(new WebSocketFeedOptions { MaxQueuedMessages = 16 });
        server.Run([Instrument("XYZ")]);
        await using var slow = await OrdersClient.ConnectAsync(server.WebSocketAddress, read: false);
        await slow.SendAsync("""{"op":"login","account":"TRADER1","password":"demo"}""");
        await slow.SendAsync("""{"op":"subscribe","channel":"orders"}""");
        await Task.Delay(200);
        // Many updates, none read: the queue fills and the connection is closed; orders are never dropped. Should the
        // subscription not be in place yet when a round runs (a slow machine), the next round finds it.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int round = 0; server.Hub.SlowConsumerDisconnects == 0 && clock.Elapsed < TimeSpan.FromSeconds(30); round++)
        {
            server.Run(Enumerable.Range(0, 5_000).Select(i => Limit($"o{round}-{i}", Side.Buy, 50 + i % 40, 1, account: 1)));
            Assert.True(server.Service.WaitUntilIdle(TimeSpan.FromSeconds(30)));
            var settle = System.Diagnostics.Stopwatch.StartNew();
            while (server.Hub.SlowConsumerDisconnects == 0 && settle.Elapsed < TimeSpan.FromSeconds(2))
            {
                await Task.Delay(10);
            }
        }
        Assert.Equal(1, server.Hub.SlowConsumerDisconnects);
        slow.StartReading(); // what was sent before the close, then the close frame
        Assert.True(await slow.WaitClosedAsync());
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, slow.CloseStatus);
        Assert.Equal("slow consumer: more than 16 messages waiting (orders TRADER1)", slow.CloseReason);
    }

    [Fact]
    public async Task LostEventsCloseTheOrderSubscribersInsteadOfLeavingThemSilentlyWrong()
    {
        await using var server = await FeedServer.StartAsync();
        server.Run([Instrument("XYZ")]);
        await using var client = await OrdersClient.ConnectAsync(server.WebSocketAddress);
        await client.LoginAsync("TRADER1");
        Assert.Equal("loggedIn", Type(await client.NextAsync()));
        await client.SubscribeOrdersAsync();
        Assert.Equal("subscribed", Type(await client.NextAsync()));
        Assert.Equal("snapshot", Type(await client.NextAsync()));
        server.Run([Limit("b1", Side.Buy, 99, 1, account: 1)]);
        Assert.Equal("accepted", (await client.NextAsync()).GetProperty("event").GetString());
        // An event the market-data queue lost (full): the next one arrives with an engine sequence gap.
        var next = new Exchange.Core.Events.EngineEvent
        {
            Sequence = server.Engine.Sequence + 2, Type = Exchange.Core.Events.EventType.Accepted, Symbol = Symbol.Parse("XYZ"), Account = 2,
            OrderId = 99, ClientId = ClientOrderId.Parse("x"), Side = Side.Sell, Price = 101 * Price.Scale, Quantity = 1, LeavesQuantity = 1,
        };
        Assert.True(server.Service.TryPost(0, in next, lastOfCommand: true));
        Assert.True(await client.WaitClosedAsync());
        Assert.Equal(WebSocketCloseStatus.InternalServerError, client.CloseStatus);
        Assert.StartsWith("order updates lost", client.CloseReason);
        Assert.Equal(1, server.Hub.OrderChannelsLost);
    }

    [Theory]
    [InlineData(81)]
    [InlineData(82)]
    public async Task AfterARandomWorkloadSnapshotPlusUpdatesEqualTheAccountsLiveOrdersInTheEngine(int seed)
    {
        await using var server = await FeedServer.StartAsync(new WebSocketFeedOptions { MaxQueuedMessages = 1 << 20 });
        var commands = new RandomCommandGenerator(seed).Generate(8_000);
        var clients = new List<(OrdersClient Client, string Account, long Id)>();
        var events = new HashSet<string>();
        async Task Subscribe(string account, long id)
        {
            var client = await OrdersClient.ConnectAsync(server.WebSocketAddress);
            await client.LoginAsync(account);
            await client.SubscribeOrdersAsync();
            clients.Add((client, account, id));
        }
        try
        {
            await Subscribe("TRADER1", 1);
            await Subscribe("TRADER2", 2);
            server.Run(commands.Take(4_000));
            await Subscribe("TRADER1", 1); // late: its snapshot holds what the first 4,000 commands left open
            server.Run(commands.Skip(4_000));
            Assert.True(server.Service.WaitUntilIdle(TimeSpan.FromSeconds(30)));
            foreach (var (client, _, id) in clients)
            {
                var expected = new SortedDictionary<long, string>();
                foreach (var instrument in server.Engine.Instruments)
                {
                    var book = server.Engine.GetBookSnapshot(instrument.Symbol);
                    foreach (var o in book.Bids.Concat(book.Asks).Concat(book.BuyStops).Concat(book.SellStops).Where(o => o.Account == id))
                    {
                        long leaves = o.LeavesQuantity > 0 ? o.LeavesQuantity : o.Quantity - o.FilledQuantity;
                        expected.Add(o.OrderId, $"{instrument.Symbol} {o.ClientId} {o.Side} {Price.Format(o.Price, 2)} {leaves} {o.FilledQuantity}");
                    }
                }
                var actual = await Rebuild(client, await server.Hub.OrderSequenceAsync(id), events);
                Assert.True(expected.Count > 0);
                Assert.Equal(expected, actual);
            }
            // Every kind of order update went through the check.
            Assert.Superset(new HashSet<string> { "accepted", "fill", "cancelled", "expired", "replaced", "triggered", "replenished", "reduced" }, events);
        }
        finally
        {
            foreach (var (client, _, _) in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    /// <summary>A client's view of its open orders: the snapshot, then every update in sequence (a gap fails).</summary>
    private static async Task<SortedDictionary<long, string>> Rebuild(OrdersClient client, long last, HashSet<string> events)
    {
        Assert.Equal("loggedIn", Type(await client.NextAsync()));
        Assert.Equal("subscribed", Type(await client.NextAsync()));
        var snapshot = await client.NextAsync();
        Assert.Equal("snapshot", Type(snapshot));
        long seq = snapshot.GetProperty("seq").GetInt64();
        static string PriceOf(JsonElement m) => m.TryGetProperty("price", out var p) ? p.GetString()! : "0.00";
        var orders = new SortedDictionary<long, (string Symbol, string Client, string Side, string Price, long Leaves, long Filled)>();
        foreach (var o in snapshot.GetProperty("orders").EnumerateArray())
        {
            orders.Add(o.GetProperty("orderId").GetInt64(), (o.GetProperty("symbol").GetString()!, o.GetProperty("clientId").GetString()!,
                o.GetProperty("side").GetString()!, PriceOf(o), o.GetProperty("leaves").GetInt64(), o.GetProperty("filled").GetInt64()));
        }
        // Everything is published (the service is idle): take updates up to the account's last sequence.
        while (seq < last)
        {
            var m = await client.NextAsync();
            if (Type(m) != "update")
            {
                continue;
            }
            Assert.Equal(++seq, m.GetProperty("seq").GetInt64());
            long id = m.GetProperty("orderId").GetInt64();
            long leaves = m.GetProperty("leaves").GetInt64();
            string e = m.GetProperty("event").GetString()!;
            events.Add(e);
            if (e is "cancelled" or "expired" || leaves == 0)
            {
                orders.Remove(id);
                continue;
            }
            string side = m.GetProperty("side").GetString()!;
            // Fills and other events keep the price the order had; accepted and replaced carry it.
            string price = e is "accepted" or "replaced" ? PriceOf(m) : orders.TryGetValue(id, out var known) ? known.Price : "?";
            orders[id] = (m.GetProperty("symbol").GetString()!, m.GetProperty("clientId").GetString()!, side, price, leaves, m.GetProperty("filled").GetInt64());
        }
        var result = new SortedDictionary<long, string>();
        foreach (var (id, o) in orders)
        {
            result.Add(id, $"{o.Symbol} {o.Client} {(o.Side == "buy" ? Side.Buy : Side.Sell)} {o.Price} {o.Leaves} {o.Filled}");
        }
        return result;
    }
}
