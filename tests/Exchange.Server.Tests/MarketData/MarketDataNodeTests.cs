using System.Net;
using System.Text.Json;
using Exchange.Api.Messages;
using Exchange.Api.Tests.WebSockets;
using Exchange.Core.Domain;
using Exchange.Core.Matching;
using Exchange.Core.Tests.Model;
using Exchange.Journal;
using Exchange.MarketData.Client;
using Exchange.MarketData.Itch;
using Exchange.MarketData.Tests.Views;
using Exchange.MarketData.Views;
using Exchange.Server.Configuration;
using Exchange.Server.MarketData;
using Exchange.Server.Tests.Node;

namespace Exchange.Server.Tests.MarketData;

/// <summary>Market data wired into a running exchange: the pipeline's events reach the WebSocket and ITCH feeds, and a
/// restarted exchange seeds its views from the recovered engine.</summary>
public class MarketDataNodeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly string[] Symbols = ["AAA", "BBB", "CCC"];

    private static ExchangeConfig Config(string directory, IPEndPoint feed, IReadOnlyList<ShardConfig>? shards = null) => new()
    {
        DataDirectory = directory,
        Durability = DurabilityMode.None,
        SnapshotEveryCommands = 0,
        Instruments = [],
        HttpEndpoint = "127.0.0.1:0",
        MarketDataFeedEndpoint = feed.ToString(),
        MarketDataRequestEndpoint = "127.0.0.1:0",
        MarketDataSnapshotEndpoint = "127.0.0.1:0",
        Shards = shards ?? [new(0, [])],
    };

    private static IPEndPoint FreeUdpEndpoint()
    {
        using var probe = new System.Net.Sockets.UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return (IPEndPoint)probe.Client.LocalEndPoint!;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task WebSocketAndItchClientsEndWithTheEnginesBooks(int shardCount)
    {
        using var dir = new TempDirectory();
        var feed = FreeUdpEndpoint();
        IReadOnlyList<ShardConfig>? shards = shardCount == 1 ? null : [new(0, ["AAA", "BBB"]), new(1, ["CCC"])];
        var config = Config(dir.Path, feed, shards);
        await using var marketData = await MarketDataNode.StartAsync(config);
        using var node = ExchangeNode.Start(config, [marketData.Listener]);
        using var itch = new ItchFeedClient(new FeedClientOptions
        {
            FeedEndpoint = feed, RequestEndpoint = marketData.Requests.LocalEndpoint, SnapshotEndpoint = null,
        });
        await itch.StartAsync();

        var commands = new RandomCommandGenerator(71).Generate(6_000);
        foreach (var c in commands.Take(5))
        {
            await node.Client.SubmitAsync(c);
        }
        await using var ws = await FeedClient.ConnectAsync(new Uri($"ws://{marketData.HttpAddress.Authority}/ws"));
        foreach (var symbol in Symbols)
        {
            await ws.SubscribeAsync(symbol, "l2", "protobuf");
            await ws.SubscribeAsync(symbol, "l3");
        }
        Assert.True(await ws.WaitAsync(c => Symbols.All(c.L3.ContainsKey), Timeout));
        // Many commands in flight at once, as sessions would send them.
        var pending = new List<Task>();
        foreach (var c in commands.Skip(5))
        {
            pending.Add(node.Client.SubmitAsync(c));
            if (pending.Count == 64)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }
        await Task.WhenAll(pending);
        node.Stop();
        Assert.True(marketData.Service.WaitUntilIdle(Timeout));
        Assert.Equal(0, marketData.Service.Dropped);

        foreach (var symbol in Symbols)
        {
            var s = Symbol.Parse(symbol);
            var shard = node.Shards[node.Router.ShardOf(s)];
            var engine = shard.Pipeline.Engine;
            long l2 = await marketData.Service.QueryAsync(v => v.TryGet(symbol, out var view) ? view.SequenceOf(Channel.L2) : -1);
            long l3 = await marketData.Service.QueryAsync(v => v.TryGet(symbol, out var view) ? view.SequenceOf(Channel.L3) : -1);
            Assert.True(await ws.WaitAsync(c => c.SequenceOf(symbol, Channel.L2) == l2 && c.SequenceOf(symbol, Channel.L3) == l3, Timeout));
            Assert.Equal(Expected(engine, s, shard.Id), ws.Read(c => BookComparison.Describe(c.L3[symbol])));
            var (bids, asks) = ws.Levels(symbol);
            var book = ws.Read(c => c.L3[symbol]);
            Assert.Equal(ws.Read(_ => book.Levels(Side.Buy)), bids);
            Assert.Equal(ws.Read(_ => book.Levels(Side.Sell)), asks);
        }
        Assert.Equal(0, ws.Read(c => c.Gaps));
        Assert.Equal(0, await marketData.Service.QueryAsync(v => v.Gaps + v.Inconsistencies));
        Assert.Equal(0, marketData.Service.Faults);

        ulong end = (ulong)marketData.Feed.Store.Count + 1;
        Assert.True(itch.WaitFor(end, Timeout), $"itch at {itch.NextSequence} of {end}");
        foreach (var symbol in Symbols)
        {
            var s = Symbol.Parse(symbol);
            var shard = node.Shards[node.Router.ShardOf(s)];
            var expected = shard.Pipeline.Engine.GetBookSnapshot(s);
            var actual = itch.Read(b =>
            {
                var stock = b.Books.Single(x => x.Stock.ToString() == symbol);
                return b.Orders.Where(o => o.Value.StockLocate == stock.StockLocate)
                    .ToDictionary(o => (long)o.Key, o => (o.Value.Side == ItchSide.Buy ? Side.Buy : Side.Sell, ItchPrice.ToEngine(o.Value.Price), (long)o.Value.Shares));
            });
            var engineOrders = expected.Bids.Concat(expected.Asks)
                .ToDictionary(o => PublicOrderId.Of(shard.Id, o.OrderId), o => (o.Side, o.Price, o.VisibleQuantity));
            Assert.Equal(engineOrders.OrderBy(o => o.Key), actual.OrderBy(o => o.Key));
        }
    }

    [Fact]
    public async Task AfterARestartTheViewsStartFromTheRecoveredBooks()
    {
        using var dir = new TempDirectory();
        var config = Config(dir.Path, FreeUdpEndpoint());
        string before;
        await using (var marketData = await MarketDataNode.StartAsync(config))
        {
            using var node = ExchangeNode.Start(config, [marketData.Listener]);
            foreach (var c in new RandomCommandGenerator(72).Generate(3_000))
            {
                await node.Client.SubmitAsync(c);
            }
            node.Stop();
            before = BookComparison.Describe(node.Pipeline.Engine, Symbol.Parse("AAA"));
        }
        await using var restarted = await MarketDataNode.StartAsync(config);
        using var again = ExchangeNode.Start(config, [restarted.Listener]);
        Assert.True(restarted.Service.WaitUntilIdle(Timeout));
        Assert.Equal(before, await restarted.Service.QueryAsync(v => v.TryGet("AAA", out var view) ? BookComparison.Describe(view.Book) : ""));
        Assert.Equal(BookComparison.Describe(again.Pipeline.Engine, Symbol.Parse("AAA")), before);

        // REST and a WebSocket snapshot show it before any new event.
        using var http = new HttpClient { BaseAddress = restarted.HttpAddress };
        var book = JsonMessageCodec.Decode(await http.GetByteArrayAsync("/api/v1/instruments/AAA/book?depth=0"));
        var engineBook = again.Pipeline.Engine.GetBookSnapshot(Symbol.Parse("AAA"));
        Assert.Equal(engineBook.Bids.Select(o => o.Price).Distinct(), book.Bids.Select(l => l.Price));
        using var instruments = JsonDocument.Parse(await http.GetStringAsync("/api/v1/instruments"));
        Assert.Equal(["AAA", "BBB", "CCC"], instruments.RootElement.EnumerateArray().Select(i => i.GetProperty("symbol").GetString()));
        Assert.Equal("0.01", instruments.RootElement[0].GetProperty("tickSize").GetString());
    }

    [Fact]
    public async Task InstrumentsDeclaredFromTheConfigurationShowTheirTickAndLot()
    {
        using var dir = new TempDirectory();
        var config = Config(dir.Path, FreeUdpEndpoint()) with { Instruments = [new("AAPL", "0.05", 10, ReferencePrice: "190.00")] };
        await using var marketData = await MarketDataNode.StartAsync(config);
        using var node = ExchangeNode.Start(config, [marketData.Listener]);
        Assert.True(marketData.Service.WaitUntilIdle(Timeout));
        using var http = new HttpClient { BaseAddress = marketData.HttpAddress };
        using var instruments = JsonDocument.Parse(await http.GetStringAsync("/api/v1/instruments"));
        var aapl = Assert.Single(instruments.RootElement.EnumerateArray());
        Assert.Equal("0.05", aapl.GetProperty("tickSize").GetString());
        Assert.Equal(10, aapl.GetProperty("lotSize").GetInt64());
        Assert.Equal("190.00", aapl.GetProperty("referencePrice").GetString());
    }

    private static string Expected(MatchingEngine engine, Symbol symbol, int shard)
    {
        // Public ids carry the shard in their top bits.
        var snapshot = engine.GetBookSnapshot(symbol);
        var book = new PublicBook();
        foreach (var o in snapshot.Bids.Concat(snapshot.Asks))
        {
            book.Add(PublicOrderId.Of(shard, o.OrderId), o.Side, o.Price, o.VisibleQuantity);
        }
        return BookComparison.Describe(book);
    }
}
