using System.Net;
using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Matching;
using Exchange.Core.Tests.Model;
using Exchange.MarketData.Books;
using Exchange.MarketData.Client;
using Exchange.MarketData.Feed;
using Exchange.MarketData.Itch;
using Exchange.MarketData.Service;

namespace Exchange.MarketData.Tests.Feed;

/// <summary>An engine driven on the test thread, its events posted to a <see cref="MarketDataService"/> publishing the
/// ITCH feed on loopback (ephemeral ports), and helpers to compare a feed client's book with the engine's.</summary>
internal sealed class FeedHarness : IDisposable
{
    public FeedHarness(IPEndPoint clientEndpoint, Func<bool>? dropLive = null)
    {
        Options = new FeedOptions
        {
            Session = "TEST000001",
            FeedEndpoint = clientEndpoint,
            RequestEndpoint = new IPEndPoint(IPAddress.Loopback, 0),
            SnapshotEndpoint = new IPEndPoint(IPAddress.Loopback, 0),
            HeartbeatInterval = TimeSpan.FromMilliseconds(50),
        };
        Publisher = new ItchFeedPublisher(Options) { DropPacket = dropLive };
        Service.AddPublisher(Publisher);
        Requests = new MoldRequestServer(Options, Publisher.Session, Publisher.Store);
        Snapshots = new ItchSnapshotServer(Options.SnapshotEndpoint, () => Service.QueryAsync(Publisher.BuildSnapshot));
        Service.PostSeed(Exchange.MarketData.Views.ShardSeed.Capture(0, Engine));
        Service.Start();
    }

    /// <summary>A loopback UDP port free a moment ago, for a feed client to bind.</summary>
    public static IPEndPoint FreeUdpEndpoint()
    {
        using var probe = new System.Net.Sockets.UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return (IPEndPoint)probe.Client.LocalEndPoint!;
    }

    public MatchingEngine Engine { get; } = new();

    public MarketDataService Service { get; } = new();

    public FeedOptions Options { get; }

    public ItchFeedPublisher Publisher { get; }

    public MoldRequestServer Requests { get; }

    public ItchSnapshotServer Snapshots { get; }

    public void Run(IEnumerable<Command> commands)
    {
        foreach (var command in commands)
        {
            var c = command;
            var events = Engine.Process(in c);
            for (int k = 0; k < events.Length; k++)
            {
                Assert.True(Service.TryPost(0, in events[k], k == events.Length - 1));
            }
        }
    }

    /// <summary>The sequence number after the last message published so far, once the service has applied
    /// everything posted.</summary>
    public ulong PublishedEnd()
    {
        Service.WaitUntilIdle(TimeSpan.FromSeconds(30));
        return (ulong)Publisher.Store.Count + 1;
    }

    public FeedClientOptions ClientOptions(bool withSnapshot, Func<bool>? drop = null) => new()
    {
        FeedEndpoint = new IPEndPoint(IPAddress.Loopback, 0),
        RequestEndpoint = Requests.LocalEndpoint,
        SnapshotEndpoint = withSnapshot ? Snapshots.LocalEndpoint : null,
        DropIncoming = drop,
    };

    /// <summary>The engine's public orders of an instrument as the feed shows them: reference → side, ITCH price, shares.</summary>
    public SortedDictionary<ulong, (ItchSide, uint, uint)> EngineOrders(Symbol symbol)
    {
        var snapshot = Engine.GetBookSnapshot(symbol);
        var result = new SortedDictionary<ulong, (ItchSide, uint, uint)>();
        foreach (var o in snapshot.Bids.Concat(snapshot.Asks))
        {
            Assert.True(ItchPrice.TryFromEngine(o.Price, out uint price));
            result.Add((ulong)o.OrderId, (o.Side == Side.Buy ? ItchSide.Buy : ItchSide.Sell, price, (uint)o.VisibleQuantity));
        }
        return result;
    }

    public static SortedDictionary<ulong, (ItchSide, uint, uint)> FeedOrders(ItchOrderBook book, ushort locate, IEnumerable<ulong> references)
    {
        var result = new SortedDictionary<ulong, (ItchSide, uint, uint)>();
        foreach (var reference in references)
        {
            if (book.TryGetOrder(reference, out var o) && o.StockLocate == locate)
            {
                result.Add(reference, (o.Side, o.Price, o.Shares));
            }
        }
        return result;
    }

    public void Dispose()
    {
        Service.Dispose();
        Snapshots.Dispose();
        Requests.Dispose();
        Publisher.Dispose();
    }
}
