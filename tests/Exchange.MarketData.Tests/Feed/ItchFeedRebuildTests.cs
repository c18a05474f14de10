using Exchange.Core.Tests.Model;
using Exchange.MarketData.Client;
using Exchange.MarketData.Itch;
using Exchange.MarketData.Tests.Views;

namespace Exchange.MarketData.Tests.Feed;

public class ItchFeedRebuildTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AClientFromTheStartRebuildsExactlyTheEngineBook()
    {
        var endpoint = FeedHarness.FreeUdpEndpoint();
        using var feed = new FeedHarness(endpoint);
        using var rebuilt = new ItchFeedClient(feed.ClientOptions(withSnapshot: false) with { FeedEndpoint = endpoint });
        await rebuilt.StartAsync();
        feed.Run(new RandomCommandGenerator(21).Generate(5_000));
        Assert.True(rebuilt.WaitFor(feed.PublishedEnd(), Timeout), $"at {rebuilt.NextSequence} of {feed.PublishedEnd()}");
        AssertSameBooks(feed, rebuilt);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public async Task WithOnePercentOfPacketsDroppedEveryGapIsDetectedReRequestedAndTheBookIsExact(int seed)
    {
        var random = new Random(seed);
        var endpoint = FeedHarness.FreeUdpEndpoint();
        // Loss on both legs: 1% of live packets never sent, 1% of everything received (re-sent packets too) thrown away.
        using var feed = new FeedHarness(endpoint, dropLive: () => random.Next(100) == 0);
        var dropRandom = new Random(seed + 1000);
        using var client = new ItchFeedClient(feed.ClientOptions(withSnapshot: false, drop: () => dropRandom.Next(100) == 0) with { FeedEndpoint = endpoint });
        await client.StartAsync();
        feed.Run(new RandomCommandGenerator(seed).Generate(8_000));
        ulong end = feed.PublishedEnd();
        Assert.True(client.WaitFor(end, Timeout), $"at {client.NextSequence} of {end}");
        Assert.True(client.GapsDetected > 0, "no gap was seen");
        Assert.True(client.RequestsSent >= client.GapsDetected);
        Assert.True(feed.Requests.RequestsAnswered > 0);
        AssertSameBooks(feed, client);
    }

    [Fact]
    public async Task ALateJoinerStartsFromTheSnapshotAndFollowsTheLiveFeed()
    {
        var endpoint = FeedHarness.FreeUdpEndpoint();
        using var feed = new FeedHarness(endpoint);
        var commands = new RandomCommandGenerator(41).Generate(8_000);
        feed.Run(commands.Take(4_000));
        feed.PublishedEnd();
        using var client = new ItchFeedClient(feed.ClientOptions(withSnapshot: true) with { FeedEndpoint = endpoint });
        await client.StartAsync();
        ulong startedAt = client.NextSequence;
        Assert.True(startedAt > 1000, $"the snapshot should start late, at {startedAt}");
        feed.Run(commands.Skip(4_000));
        ulong end = feed.PublishedEnd();
        Assert.True(client.WaitFor(end, Timeout), $"at {client.NextSequence} of {end}");
        AssertSameBooks(feed, client);
        Assert.True(client.MessagesApplied < (long)end - 1000, "the late joiner replayed the session instead of starting from the snapshot");
    }

    [Fact]
    public async Task TheSessionEndsWithAnEndOfSessionPacket()
    {
        var endpoint = FeedHarness.FreeUdpEndpoint();
        var feed = new FeedHarness(endpoint);
        using var client = new ItchFeedClient(feed.ClientOptions(withSnapshot: false) with { FeedEndpoint = endpoint });
        await client.StartAsync();
        feed.Run(new RandomCommandGenerator(5).Generate(300));
        feed.PublishedEnd();
        feed.Dispose();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!client.EndOfSession && clock.Elapsed < Timeout)
        {
            await Task.Delay(10);
        }
        Assert.True(client.EndOfSession);
    }

    private static void AssertSameBooks(FeedHarness feed, ItchFeedClient client)
    {
        var instruments = feed.Engine.Instruments;
        Assert.NotEmpty(instruments);
        client.Read(book =>
        {
            Assert.Equal(0, book.UnknownOrderReferences);
            Assert.Equal(0, book.OversizedReductions);
            Assert.Equal(0, book.DuplicateOrderReferences);
            Assert.Equal(0, book.CountInconsistencies());
            var byLocate = book.Books.ToDictionary(b => b.Stock.ToString());
            foreach (var instrument in instruments)
            {
                var expected = feed.EngineOrders(instrument.Symbol);
                Assert.True(byLocate.TryGetValue(instrument.Symbol.ToString(), out var stockBook), $"{instrument.Symbol} not on the feed");
                var actual = FeedHarness.FeedOrders(book, stockBook.StockLocate, book.Orders.Keys);
                Assert.Equal(BookComparison.Digest(Describe(expected)), BookComparison.Digest(Describe(actual)));
                Assert.Equal(Describe(expected), Describe(actual));
            }
            return 0;
        });
    }

    private static string Describe(SortedDictionary<ulong, (ItchSide Side, uint Price, uint Shares)> orders) =>
        string.Join('\n', orders.Select(o => $"{o.Key} {(char)o.Value.Side} {o.Value.Price} {o.Value.Shares}"));
}
