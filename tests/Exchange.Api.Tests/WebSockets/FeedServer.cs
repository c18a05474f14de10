using Exchange.Api.WebSockets;
using Exchange.Core.Commands;
using Exchange.Core.Matching;
using Exchange.MarketData.Service;
using Exchange.MarketData.Views;
using Microsoft.AspNetCore.Builder;

namespace Exchange.Api.Tests.WebSockets;

/// <summary>An engine driven on the test thread, its events posted to a <see cref="MarketDataService"/> with the
/// WebSocket hub and REST endpoints on a loopback port chosen by the OS.</summary>
internal sealed class FeedServer : IAsyncDisposable
{
    /// <summary>Accounts that may log in for the private orders channel: TRADER1 (1) and TRADER2 (2), password "demo".</summary>
    public static readonly AccountAuthenticator Accounts = new([("TRADER1", 1, "demo"), ("TRADER2", 2, "demo")]);

    private FeedServer(WebSocketFeedOptions options)
    {
        Hub = new MarketDataHub(Service, options, Accounts);
        App = MarketDataWebHost.Build("127.0.0.1:0", Service, Hub);
    }

    public MatchingEngine Engine { get; } = new();

    public MarketDataService Service { get; } = new();

    public MarketDataHub Hub { get; }

    public WebApplication App { get; }

    public Uri HttpAddress => MarketDataWebHost.Address(App);

    public Uri WebSocketAddress => new($"ws://{HttpAddress.Authority}/ws");

    public static async Task<FeedServer> StartAsync(WebSocketFeedOptions? options = null)
    {
        var server = new FeedServer(options ?? new WebSocketFeedOptions());
        server.Service.PostSeed(ShardSeed.Capture(0, server.Engine));
        server.Service.Start();
        await server.App.StartAsync();
        return server;
    }

    public void Run(IEnumerable<Command> commands)
    {
        foreach (var command in commands)
        {
            var c = command;
            var events = Engine.Process(in c);
            for (int k = 0; k < events.Length; k++)
            {
                while (!Service.TryPost(0, in events[k], k == events.Length - 1))
                {
                    Thread.Sleep(1); // tests want every event; the pipeline listener never waits
                }
            }
        }
    }

    /// <summary>The current sequence of a channel, once everything posted is published.</summary>
    public long SequenceOf(string symbol, Channel channel)
    {
        Assert.True(Service.WaitUntilIdle(TimeSpan.FromSeconds(30)));
        return Service.QueryAsync(v => v.TryGet(symbol, out var view) ? view.SequenceOf(channel) : -1).Result;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        Service.Dispose();
        await App.DisposeAsync();
    }
}
