using System.Net.WebSockets;
using Exchange.Api.Messages;
using Exchange.Api.WebSockets;
using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.MarketData.Views;

namespace Exchange.Api.Tests.WebSockets;

public class ProtocolTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    internal static Command Instrument(string symbol) => new()
    {
        Type = CommandType.AddInstrument, Symbol = Symbol.Parse(symbol), TickSize = Price.Scale / 100, LotSize = 1, MinQuantity = 1,
        MaxQuantity = 1_000_000, Price = 100 * Price.Scale, Timestamp = 1_767_225_600_000_000_000,
    };

    internal static Command Limit(string client, Side side, long price, long quantity, long account = 1, long time = 1_767_225_601_000_000_000) => new()
    {
        Type = CommandType.NewOrder, Symbol = Symbol.Parse("XYZ"), Account = account, ClientId = ClientOrderId.Parse(client), Side = side,
        OrderType = OrderType.Limit, TimeInForce = TimeInForce.Day, Price = price * Price.Scale, Quantity = quantity, Timestamp = time,
    };

    private readonly HashSet<FeedMessage> _taken = new(ReferenceEqualityComparer.Instance);

    /// <summary>The first message received (in order) that matches and was not returned before.</summary>
    private async Task<FeedMessage> NextAsync(FeedClient client, Func<FeedMessage, bool> match)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < Timeout)
        {
            foreach (var m in client.Received)
            {
                if (!_taken.Contains(m) && match(m))
                {
                    _taken.Add(m);
                    return m;
                }
            }
            await Task.Delay(5);
        }
        throw new TimeoutException($"no matching message; got {string.Join(", ", client.Received.Select(s => $"{s.Type} {s.Channel} {s.Text}"))}");
    }

    [Fact]
    public async Task ASubscriptionGetsSubscribedThenASnapshotThenUpdatesWithConsecutiveSequences()
    {
        await using var server = await FeedServer.StartAsync();
        server.Run([Instrument("XYZ"), Limit("b1", Side.Buy, 99, 10)]);
        await using var client = await FeedClient.ConnectAsync(server.WebSocketAddress);
        await client.SubscribeAsync("XYZ", "l2");
        var subscribed = await NextAsync(client, _ => true);
        Assert.Equal(MessageType.Subscribed, subscribed.Type);
        var snapshot = await NextAsync(client, _ => true);
        Assert.Equal(MessageType.Snapshot, snapshot.Type);
        Assert.Equal([new PriceLevelView(99 * Price.Scale, 10, 1)], snapshot.Bids);
        server.Run([Limit("b2", Side.Buy, 99, 5)]);
        var first = await NextAsync(client, m => m.Type == MessageType.Update);
        Assert.Equal(snapshot.Sequence + 1, first.Sequence);
        Assert.Equal([new PriceLevelView(99 * Price.Scale, 15, 2)], first.Bids);
        Assert.Empty(first.Asks);
        server.Run([Limit("s1", Side.Sell, 101, 7)]);
        var second = await NextAsync(client, m => m.Type == MessageType.Update);
        Assert.Equal(first.Sequence + 1, second.Sequence);
        Assert.Equal([new PriceLevelView(101 * Price.Scale, 7, 1)], second.Asks);
    }

    [Fact]
    public async Task AChannelNobodyListensToStillCountsItsSequenceForALaterSubscriber()
    {
        await using var server = await FeedServer.StartAsync();
        // Two trades and bar changes published with no subscriber at all: no message is built, the sequences advance.
        server.Run([Instrument("XYZ"), Limit("s1", Side.Sell, 101, 10), Limit("b1", Side.Buy, 101, 4, account: 2)]);
        server.SequenceOf("XYZ", Channel.Trades); // waits until the service is idle: all published
        server.Run([Limit("b2", Side.Buy, 101, 3, account: 2, time: 1_767_225_601_500_000_000)]);
        long trades = server.SequenceOf("XYZ", Channel.Trades);
        Assert.True(trades >= 1);
        await using var client = await FeedClient.ConnectAsync(server.WebSocketAddress);
        await client.SubscribeAsync("XYZ", "trades");
        await client.SubscribeAsync("XYZ", "bars");
        var tradesSnapshot = await NextAsync(client, m => m.Channel == Channel.Trades && m.Type == MessageType.Snapshot);
        var barsSnapshot = await NextAsync(client, m => m.Channel == Channel.Bars && m.Type == MessageType.Snapshot);
        Assert.Equal(trades, tradesSnapshot.Sequence);
        Assert.True(barsSnapshot.Sequence >= 1);

        server.Run([Limit("b3", Side.Buy, 101, 2, account: 2, time: 1_767_225_602_500_000_000)]);
        Assert.Equal(trades + 1, (await NextAsync(client, m => m.Channel == Channel.Trades && m.Type == MessageType.Update)).Sequence);
        var bars = await NextAsync(client, m => m.Channel == Channel.Bars && m.Type == MessageType.Update);
        Assert.Equal(barsSnapshot.Sequence + 1, bars.Sequence);
        // An update carries each interval's current bar only.
        Assert.Equal([BarInterval.OneSecond, BarInterval.OneMinute], bars.Bars.Select(b => b.Interval));
        Assert.Equal(2, bars.Bars[0].Bar.Volume);
        Assert.Equal(9, bars.Bars[1].Bar.Volume);
    }

    [Fact]
    public async Task L1TradesBarsAndStatusCarryTheirContent()
    {
        await using var server = await FeedServer.StartAsync();
        server.Run([Instrument("XYZ"), Limit("b1", Side.Buy, 99, 10), Limit("s1", Side.Sell, 101, 10)]);
        await using var client = await FeedClient.ConnectAsync(server.WebSocketAddress);
        foreach (var channel in new[] { "l1", "trades", "bars", "status" })
        {
            await client.SubscribeAsync("XYZ", channel, channel == "bars" ? "protobuf" : "json");
        }
        var l1 = await NextAsync(client, m => m.Channel == Channel.L1 && m.Type == MessageType.Snapshot);
        Assert.Equal(new PriceLevelView(99 * Price.Scale, 10, 1), l1.Bid);
        Assert.Equal(new PriceLevelView(101 * Price.Scale, 10, 1), l1.Ask);
        var status = await NextAsync(client, m => m.Channel == Channel.Status && m.Type == MessageType.Snapshot);
        Assert.Equal(TradingStatus.Open, status.Status);
        Assert.False(status.Stale);

        // Two trades: 4 at 101, then 6 at 101 and 2 at 102 → VWAP (4·101 + 6·101 + 2·102) / 12 = 101.1666… → 101.16666667.
        server.Run([Limit("s2", Side.Sell, 102, 10, account: 2), Limit("b2", Side.Buy, 101, 4, account: 2, time: 1_767_225_601_500_000_000),
            Limit("b3", Side.Buy, 102, 8, account: 2, time: 1_767_225_602_100_000_000)]);
        var trades = new List<TradePrint>();
        while (trades.Count < 3)
        {
            trades.AddRange((await NextAsync(client, m => m.Channel == Channel.Trades && m.Type == MessageType.Update)).Trades);
        }
        Assert.Equal([(101 * Price.Scale, 4L), (101 * Price.Scale, 6L), (102 * Price.Scale, 2L)], trades.Select(t => (t.Price, t.Quantity)));
        Assert.All(trades, t => Assert.Equal(Side.Buy, t.AggressorSide));
        FeedMessage stats;
        do
        {
            stats = await NextAsync(client, m => m.Channel == Channel.Status);
        }
        while (stats.Statistics.TradeCount < 3);
        Assert.Equal(new StatisticsView(101 * Price.Scale, 102 * Price.Scale, 101 * Price.Scale, 102 * Price.Scale, 12, 10_116_666_667, 3), stats.Statistics);
        FeedMessage bars;
        do
        {
            bars = await NextAsync(client, m => m.Channel == Channel.Bars && m.Type == MessageType.Update);
        }
        while (bars.Bars.All(b => b.Bar.Close != 102 * Price.Scale));
        // The second-bar of 02.1 s holds the last two trades; the minute bar holds all three.
        Assert.Contains((BarInterval.OneSecond, new Bar(1_767_225_602_000_000_000, 101 * Price.Scale, 102 * Price.Scale, 101 * Price.Scale, 102 * Price.Scale, 8, 2)), bars.Bars);
        Assert.Contains((BarInterval.OneMinute, new Bar(1_767_225_600_000_000_000, 101 * Price.Scale, 102 * Price.Scale, 101 * Price.Scale, 102 * Price.Scale, 12, 3)), bars.Bars);

        server.Run([new Command { Type = CommandType.SetStatus, Symbol = Symbol.Parse("XYZ"), Status = TradingStatus.Halted, Timestamp = 1_767_225_603_000_000_000 }]);
        var halted = await NextAsync(client, m => m.Channel == Channel.Status && m.Status == TradingStatus.Halted);
        Assert.Equal(MessageType.Update, halted.Type);
    }

    [Fact]
    public async Task ADepthLimitedL2SubscriptionGetsTheTopLevelsAsCompleteStates()
    {
        await using var server = await FeedServer.StartAsync();
        server.Run([Instrument("XYZ"), Limit("b1", Side.Buy, 97, 1), Limit("b2", Side.Buy, 98, 2), Limit("b3", Side.Buy, 99, 3)]);
        await using var client = await FeedClient.ConnectAsync(server.WebSocketAddress);
        await client.SubscribeAsync("XYZ", "l2", depth: 2);
        var snapshot = await NextAsync(client, m => m.Type == MessageType.Snapshot);
        Assert.Equal([99 * Price.Scale, 98 * Price.Scale], snapshot.Bids.Select(l => l.Price));
        server.Run([Limit("b4", Side.Buy, 100, 4)]);
        var next = await NextAsync(client, m => m.Channel == Channel.L2 && m.Sequence > snapshot.Sequence);
        Assert.Equal(MessageType.Snapshot, next.Type);
        Assert.Equal([100 * Price.Scale, 99 * Price.Scale], next.Bids.Select(l => l.Price));
    }

    [Fact]
    public async Task BadRequestsAreAnsweredWithErrorsAndUnsubscribeStopsUpdates()
    {
        await using var server = await FeedServer.StartAsync();
        server.Run([Instrument("XYZ")]);
        await using var client = await FeedClient.ConnectAsync(server.WebSocketAddress);
        await client.SendAsync("not json");
        Assert.StartsWith("bad request", (await NextAsync(client, m => m.Type == MessageType.Error)).Text);
        await client.SubscribeAsync("NOPE", "l2");
        Assert.Equal("unknown symbol 'NOPE'", (await NextAsync(client, m => m.Type == MessageType.Error)).Text);
        await client.SendAsync("""{"op":"subscribe","symbol":"XYZ","channel":"l9"}""");
        Assert.Contains("unknown channel", (await NextAsync(client, m => m.Type == MessageType.Error)).Text);
        await client.SendAsync("""{"op":"ping"}""");
        Assert.Equal("pong", (await NextAsync(client, m => m.Type == MessageType.Heartbeat && m.Text == "pong")).Text);

        await client.SubscribeAsync("XYZ", "l3");
        await NextAsync(client, m => m.Type == MessageType.Snapshot);
        await client.SendAsync("""{"op":"unsubscribe","symbol":"XYZ","channel":"l3"}""");
        await NextAsync(client, m => m.Type == MessageType.Unsubscribed);
        server.Run([Limit("b1", Side.Buy, 99, 10)]);
        server.SequenceOf("XYZ", Channel.L3);
        await client.SendAsync("""{"op":"ping"}""");
        await NextAsync(client, m => m.Text == "pong");
        Assert.DoesNotContain(client.Received, m => m.Channel == Channel.L3 && m.Type == MessageType.Update);
    }

    [Fact]
    public async Task HeartbeatsArriveAndAnOversizedMessageClosesTheConnection()
    {
        await using var server = await FeedServer.StartAsync(new WebSocketFeedOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(100), MaxClientMessageBytes = 256 });
        server.Run([Instrument("XYZ")]);
        await using var client = await FeedClient.ConnectAsync(server.WebSocketAddress);
        await client.SubscribeAsync("XYZ", "status");
        var heartbeat = await NextAsync(client, m => m.Type == MessageType.Heartbeat);
        Assert.True(heartbeat.Timestamp > 0);
        await client.SendAsync(new string(' ', 1000));
        Assert.True(await client.WaitAsync(c => c.CloseStatus is not null, Timeout));
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, client.CloseStatus);
    }

    [Fact]
    public async Task AConnectionWithoutSubscriptionsIsClosedWhenIdle()
    {
        await using var server = await FeedServer.StartAsync(new WebSocketFeedOptions { IdleTimeout = TimeSpan.FromMilliseconds(300), HeartbeatInterval = TimeSpan.FromMilliseconds(100) });
        await using var client = await FeedClient.ConnectAsync(server.WebSocketAddress);
        Assert.True(await client.WaitAsync(c => c.CloseStatus is not null, Timeout));
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, client.CloseStatus);
        Assert.StartsWith("idle", client.CloseReason);
    }
}
