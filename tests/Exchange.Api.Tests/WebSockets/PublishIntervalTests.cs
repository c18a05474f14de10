using Exchange.Api.Messages;
using Exchange.Api.WebSockets;
using Exchange.Core.Domain;
using Exchange.MarketData.Views;

namespace Exchange.Api.Tests.WebSockets;

/// <summary>With a publication interval the views run ahead of what was published: whatever reports a channel's
/// sequence number (an idle service, a REST answer) must first publish what the interval holds back, or its sequence
/// describes an older state than its content (WebSocketRebuildTests with publishIntervalMs 20 failed now and then).</summary>
public class PublishIntervalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>An interval no test outlives: after the first publication, only a flush publishes.</summary>
    private static readonly WebSocketFeedOptions Held = new() { PublishInterval = TimeSpan.FromHours(1) };

    private static async Task<(FeedServer Server, FeedClient Client)> StartWithSubscriberAsync()
    {
        var server = await FeedServer.StartAsync(Held);
        server.Run([ProtocolTests.Instrument("XYZ"), ProtocolTests.Limit("b0", Side.Buy, 97, 1)]);
        var client = await FeedClient.ConnectAsync(server.WebSocketAddress);
        await client.SubscribeAsync("XYZ", "l2");
        await client.SubscribeAsync("XYZ", "l3");
        Assert.True(await client.WaitAsync(c => c.L2.ContainsKey("XYZ") && c.L3.ContainsKey("XYZ"), Timeout));
        // Changes the interval holds back: a new level, a trade, an order that rests after trading.
        server.Run([ProtocolTests.Limit("b1", Side.Buy, 99, 10), ProtocolTests.Limit("s1", Side.Sell, 101, 4),
            ProtocolTests.Limit("x1", Side.Sell, 99, 3, account: 2), ProtocolTests.Limit("x2", Side.Buy, 101, 6, account: 2)]);
        return (server, client);
    }

    [Fact]
    public async Task AnIdleServiceHasPublishedWhatTheIntervalHeldBack()
    {
        var (server, client) = await StartWithSubscriberAsync();
        await using var _ = server;
        await using var __ = client;
        long l2 = server.SequenceOf("XYZ", Channel.L2);
        long l3 = server.SequenceOf("XYZ", Channel.L3);
        Assert.True(await client.WaitAsync(c => c.SequenceOf("XYZ", Channel.L2) == l2 && c.SequenceOf("XYZ", Channel.L3) == l3, Timeout),
            $"l2 {client.SequenceOf("XYZ", Channel.L2)}/{l2}, l3 {client.SequenceOf("XYZ", Channel.L3)}/{l3}");
        WebSocketRebuildTests.AssertSameBook(server.Engine, "XYZ", client);
        Assert.Equal(0, client.Read(c => c.Gaps));
    }

    [Fact]
    public async Task ARestBookIsTheStateAtItsSequence()
    {
        var (server, client) = await StartWithSubscriberAsync();
        await using var _ = server;
        await using var __ = client;
        using var http = new HttpClient { BaseAddress = server.HttpAddress };
        // Not through WaitUntilIdle: the REST answer itself must not run ahead of its seq.
        string expected = Exchange.MarketData.Tests.Views.BookComparison.Describe(server.Engine, Symbol.Parse("XYZ"));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await server.Service.QueryAsync(v => Exchange.MarketData.Tests.Views.BookComparison.Describe(v.TryGet("XYZ", out var view) ? view.Book : new PublicBook())) != expected)
        {
            Assert.True(clock.Elapsed < Timeout, "the views never reached the engine's book");
            await Task.Delay(5);
        }
        var book = JsonMessageCodec.Decode(await http.GetByteArrayAsync("/api/v1/instruments/XYZ/book?depth=0"));
        // A WebSocket client at the same seq has the same book (and applying the next update to the REST book is right).
        Assert.True(await client.WaitAsync(c => c.SequenceOf("XYZ", Channel.L2) >= book.Sequence, Timeout),
            $"l2 {client.SequenceOf("XYZ", Channel.L2)}/{book.Sequence}");
        Assert.Equal(book.Sequence, client.SequenceOf("XYZ", Channel.L2));
        var (bids, asks) = client.Levels("XYZ");
        Assert.Equal(book.Bids, bids);
        Assert.Equal(book.Asks, asks);
        WebSocketRebuildTests.AssertL2(server.Engine, "XYZ", client);
    }
}
