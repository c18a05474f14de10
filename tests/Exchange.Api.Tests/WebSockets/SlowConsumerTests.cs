using System.Net.WebSockets;
using Exchange.Api.WebSockets;
using Exchange.Core.Tests.Model;
using Exchange.MarketData.Views;

namespace Exchange.Api.Tests.WebSockets;

public class SlowConsumerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private static readonly string[] Symbols = ["AAA", "BBB", "CCC"];

    [Fact]
    public async Task AClientThatStopsReadingIsDisconnectedWithAReasonWhileOthersGetEverything()
    {
        var options = new WebSocketFeedOptions { MaxQueuedMessages = 1000, ConflateAbove = 100, CloseTimeout = TimeSpan.FromSeconds(60) };
        await using var server = await FeedServer.StartAsync(options);
        var commands = new RandomCommandGenerator(61).Generate(400_000);
        server.Run(commands.Take(5));
        // A tiny receive buffer so the server's side fills quickly; this client never reads until the end.
        await using var slow = await FeedClient.ConnectAsync(server.WebSocketAddress, read: false, receiveBuffer: 4096);
        await using var healthy = await FeedClient.ConnectAsync(server.WebSocketAddress);
        foreach (var symbol in Symbols)
        {
            await slow.SubscribeAsync(symbol, "trades");
            await slow.SubscribeAsync(symbol, "l3");
            await healthy.SubscribeAsync(symbol, "trades");
            await healthy.SubscribeAsync(symbol, "l3");
        }
        Assert.True(await healthy.WaitAsync(c => Symbols.All(c.L3.ContainsKey), Timeout));

        int done = 5;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (server.Hub.SlowConsumerDisconnects == 0 && done < commands.Count && clock.Elapsed < Timeout)
        {
            server.Run(commands.Skip(done).Take(200));
            done += 200;
            // The healthy client keeps up with the feed: the next commands go in once it has everything so far. (A
            // burst of publications beyond what it can read in time fills its queue too: the same rule, working.)
            await WaitUntilCaughtUp(server, healthy);
        }
        Assert.Equal(1, server.Hub.SlowConsumerDisconnects);
        // Memory stayed bounded: no connection ever had more than the limit waiting, and nothing waits for the slow one now.
        Assert.True(server.Hub.MaxQueuedMessages <= options.MaxQueuedMessages, $"max queued {server.Hub.MaxQueuedMessages}");

        // The healthy client got every update of every channel, in sequence, and is still connected.
        server.Run(commands.Skip(done).Take(2_000));
        await WaitUntilCaughtUp(server, healthy);
        foreach (var symbol in Symbols)
        {
            WebSocketRebuildTests.AssertL3(server.Engine, symbol, healthy);
        }
        Assert.Equal(0, healthy.Read(c => c.Gaps));
        Assert.Equal(WebSocketState.Open, healthy.Socket.State);

        // When the slow client reads again it finds what was in flight, then the close frame with the reason.
        slow.StartReading();
        Assert.True(await slow.WaitAsync(c => c.CloseStatus is not null, Timeout), "no close frame");
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, slow.CloseStatus);
        Assert.StartsWith("slow consumer", slow.CloseReason);
    }

    /// <summary>Waits until <paramref name="client"/> has every trades and l3 update the server has published.</summary>
    private static async Task WaitUntilCaughtUp(FeedServer server, FeedClient client)
    {
        foreach (var symbol in Symbols)
        {
            long trades = server.SequenceOf(symbol, Channel.Trades);
            long l3 = server.SequenceOf(symbol, Channel.L3);
            Assert.True(await client.WaitAsync(c => c.SequenceOf(symbol, Channel.Trades) == trades && c.SequenceOf(symbol, Channel.L3) == l3, Timeout));
        }
    }

    [Fact]
    public async Task UnderPressureL2DeltasAreReplacedByASnapshotAndTheBookEndsExact()
    {
        var options = new WebSocketFeedOptions { MaxQueuedMessages = 100_000, ConflateAbove = 4 };
        await using var server = await FeedServer.StartAsync(options);
        var commands = new RandomCommandGenerator(62).Generate(60_000);
        server.Run(commands.Take(5));
        await using var slow = await FeedClient.ConnectAsync(server.WebSocketAddress, read: false, receiveBuffer: 4096);
        foreach (var symbol in Symbols)
        {
            await slow.SubscribeAsync(symbol, "l2");
            await slow.SubscribeAsync(symbol, "l1");
        }
        for (int done = 5; done < commands.Count; done += 1_000)
        {
            server.Run(commands.Skip(done).Take(1_000));
            Assert.True(server.Service.WaitUntilIdle(Timeout));
        }
        slow.StartReading();
        foreach (var symbol in Symbols)
        {
            long l2 = server.SequenceOf(symbol, Channel.L2);
            Assert.True(await slow.WaitAsync(c => c.SequenceOf(symbol, Channel.L2) == l2, Timeout), $"{symbol} l2 at {slow.SequenceOf(symbol, Channel.L2)} of {l2}");
            WebSocketRebuildTests.AssertL2(server.Engine, symbol, slow);
        }
        Assert.True(server.Hub.ConflationSnapshots > 0, "the client never fell behind");
        Assert.Equal(0, server.Hub.SlowConsumerDisconnects);
        Assert.Equal(0, slow.Read(c => c.Gaps));
    }
}
