using Exchange.Core.Domain;
using Exchange.Core.Matching;
using Exchange.Core.Tests.Model;
using Exchange.MarketData.Tests.Views;
using Exchange.MarketData.Views;

namespace Exchange.Api.Tests.WebSockets;

public class WebSocketRebuildTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly string[] Symbols = ["AAA", "BBB", "CCC"];

    [Theory]
    [InlineData(51, "json", 0)]
    [InlineData(52, "protobuf", 0)]
    [InlineData(53, "json", 20)] // changes accumulated over 20 ms publication intervals
    public async Task ClientsRebuildL2AndL3ExactlyAfterARandomWorkload(int seed, string format, int publishIntervalMs)
    {
        await using var server = await FeedServer.StartAsync(new Exchange.Api.WebSockets.WebSocketFeedOptions
        {
            PublishInterval = TimeSpan.FromMilliseconds(publishIntervalMs),
        });
        var commands = new RandomCommandGenerator(seed).Generate(8_000);
        server.Run(commands.Take(5)); // the instrument declarations
        await using var early = await FeedClient.ConnectAsync(server.WebSocketAddress);
        foreach (var symbol in Symbols)
        {
            await early.SubscribeAsync(symbol, "l2", format);
            await early.SubscribeAsync(symbol, "l3", format);
            await early.SubscribeAsync(symbol, "trades", format);
        }
        Assert.True(await early.WaitAsync(c => Symbols.All(s => c.L3.ContainsKey(s) && c.L2.ContainsKey(s)), Timeout));

        server.Run(commands.Skip(5).Take(4_000));
        // A late subscriber starts from snapshots taken in the middle of the session.
        await using var late = await FeedClient.ConnectAsync(server.WebSocketAddress);
        foreach (var symbol in Symbols)
        {
            await late.SubscribeAsync(symbol, "l2", format);
            await late.SubscribeAsync(symbol, "l3", format);
        }
        server.Run(commands.Skip(4_005));

        foreach (var client in new[] { early, late })
        {
            foreach (var symbol in Symbols)
            {
                long l2 = server.SequenceOf(symbol, Channel.L2);
                long l3 = server.SequenceOf(symbol, Channel.L3);
                Assert.True(await client.WaitAsync(c => c.SequenceOf(symbol, Channel.L2) == l2 && c.SequenceOf(symbol, Channel.L3) == l3, Timeout),
                    $"{symbol}: l2 {client.SequenceOf(symbol, Channel.L2)}/{l2}, l3 {client.SequenceOf(symbol, Channel.L3)}/{l3}");
                AssertSameBook(server.Engine, symbol, client);
            }
            Assert.Equal(0, client.Read(c => c.Gaps));
        }
        // The early client saw every trade, each once, in order.
        var trades = early.Read(c => c.Trades.Select(t => t.TradeId).Order().ToList());
        Assert.Equal(Enumerable.Range(1, trades.Count).Select(i => (long)i), trades);
        Assert.True(trades.Count > 100);
        Assert.Equal(0, server.Service.Faults);
    }

    internal static void AssertSameBook(MatchingEngine engine, string symbol, FeedClient client)
    {
        AssertL3(engine, symbol, client);
        AssertL2(engine, symbol, client);
    }

    internal static void AssertL3(MatchingEngine engine, string symbol, FeedClient client)
    {
        string expected = BookComparison.Describe(engine, Symbol.Parse(symbol));
        string actual = client.Read(c => BookComparison.Describe(c.L3[symbol]));
        Assert.Equal(BookComparison.Digest(expected), BookComparison.Digest(actual));
    }

    internal static void AssertL2(MatchingEngine engine, string symbol, FeedClient client)
    {
        var s = Symbol.Parse(symbol);
        var (bids, asks) = client.Levels(symbol);
        Span<PriceLevelInfo> depth = new PriceLevelInfo[10_000];
        int n = engine.GetDepth(s, Side.Buy, depth);
        Assert.Equal(depth[..n].ToArray().Select(l => new PriceLevelView(l.Price, l.VisibleQuantity, l.OrderCount)), bids);
        n = engine.GetDepth(s, Side.Sell, depth);
        Assert.Equal(depth[..n].ToArray().Select(l => new PriceLevelView(l.Price, l.VisibleQuantity, l.OrderCount)), asks);
    }
}
