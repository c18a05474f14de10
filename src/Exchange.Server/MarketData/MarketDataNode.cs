using System.Net;
using Exchange.Api;
using Exchange.Api.WebSockets;
using Exchange.MarketData.Feed;
using Exchange.MarketData.Service;
using Exchange.Server.Configuration;
using Microsoft.AspNetCore.Builder;

namespace Exchange.Server.MarketData;

/// <summary>Market data of `exchange serve`: the market-data thread and its views, the WebSocket feed and REST API on
/// <see cref="ExchangeConfig.HttpEndpoint"/> (with the private orders channel of <see cref="ExchangeConfig.Accounts"/>), and the ITCH-over-MoldUDP64 feed with its re-request and snapshot servers.
/// Start it, pass <see cref="Listener"/> to <see cref="ExchangeNode.Start"/>, and stop it after the exchange node (so the
/// last events are published before the end of session).</summary>
public sealed class MarketDataNode : IAsyncDisposable
{
    private MarketDataNode(ExchangeConfig config, WebSocketFeedOptions? webSocketOptions)
    {
        Service = new MarketDataService(config.MarketDataQueueCapacity, instrumentRules: config.Instruments.ToDictionary(
            i => Core.Domain.Symbol.Parse(i.Symbol), i => (Core.Domain.Price.Parse(i.TickSize), i.LotSize)));
        Feed = new ItchFeedPublisher(new FeedOptions
        {
            Session = config.MarketDataSession,
            FeedEndpoint = IPEndPoint.Parse(config.MarketDataFeedEndpoint),
            RequestEndpoint = IPEndPoint.Parse(config.MarketDataRequestEndpoint),
            SnapshotEndpoint = IPEndPoint.Parse(config.MarketDataSnapshotEndpoint),
        });
        Service.AddPublisher(Feed);
        Hub = new MarketDataHub(Service, webSocketOptions, new AccountAuthenticator(config.Accounts.Select(a => (a.Name, a.Id, a.Password))));
        Listener = new MarketDataListener(Service);
    }

    public MarketDataService Service { get; }

    public ItchFeedPublisher Feed { get; }

    public MarketDataHub Hub { get; }

    public MarketDataListener Listener { get; }

    public MoldRequestServer Requests { get; private set; } = null!;

    public ItchSnapshotServer Snapshots { get; private set; } = null!;

    public WebApplication Web { get; private set; } = null!;

    /// <summary>The HTTP address the host listens on.</summary>
    public Uri HttpAddress => MarketDataWebHost.Address(Web);

    /// <summary>Binds every endpoint and starts the market-data thread (it waits for the shards' seeds and events).</summary>
    public static async Task<MarketDataNode> StartAsync(ExchangeConfig config, WebSocketFeedOptions? webSocketOptions = null)
    {
        var node = new MarketDataNode(config, webSocketOptions);
        try
        {
            node.Requests = new MoldRequestServer(node.Feed.Options, node.Feed.Session, node.Feed.Store);
            node.Snapshots = new ItchSnapshotServer(node.Feed.Options.SnapshotEndpoint, () => node.Service.QueryAsync(node.Feed.BuildSnapshot));
            node.Web = MarketDataWebHost.Build(config.HttpEndpoint, node.Service, node.Hub);
            node.Service.Start();
            await node.Web.StartAsync().ConfigureAwait(false);
            return node;
        }
        catch
        {
            await node.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Publishes what is queued, ends the feed's session, closes WebSockets and the endpoints.</summary>
    public async ValueTask DisposeAsync()
    {
        Service.Dispose();
        if (Web is not null)
        {
            await Web.StopAsync().ConfigureAwait(false);
            await Web.DisposeAsync().ConfigureAwait(false);
        }
        Snapshots?.Dispose();
        Requests?.Dispose();
        Feed.Dispose();
    }
}
