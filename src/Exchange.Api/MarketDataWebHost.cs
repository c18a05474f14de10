using System.Net;
using Exchange.Api.Rest;
using Exchange.Api.WebSockets;
using Exchange.MarketData.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Exchange.Api;

/// <summary>The HTTP host of `exchange serve`: REST market data under /api/v1 and the WebSocket feed at /ws
/// (docs/market-data.md), on Kestrel at one endpoint.</summary>
public static class MarketDataWebHost
{
    /// <summary>Builds (does not start) the host. <paramref name="endpoint"/> is "host:port" (port 0 = any free port).</summary>
    public static WebApplication Build(string endpoint, MarketDataService service, MarketDataHub hub, LogLevel logLevel = LogLevel.Warning)
    {
        // No configuration-file watching: by default the host watches its content root (the working directory, where
        // the journal lives) for appsettings changes, and every journal write then costs inotify events and a
        // watcher thread's stat calls. The host reads no settings files; its root is the program's own folder.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.SetMinimumLevel(logLevel);
        var listen = IPEndPoint.Parse(endpoint);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(listen);
            k.Limits.MaxRequestBodySize = 64 * 1024;
        });
        // Socket continuations run inline: a WebSocket sender thread's write then makes the send system call itself instead
        // of handing every connection's batch to a thread-pool work item (10,000 hops per publication with 10,000
        // subscribers; fan-out p50 140 -> 65 ms, p99 410 -> 165 ms, docs/benchmarks.md). Safe here because no handler
        // blocks: REST handlers await the market-data thread, the WebSocket receive loop parses a message of at most
        // 4 KiB and queues it.
        builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = true);
        builder.Services.AddRouting();
        var app = builder.Build();
        // The WebSocket of /ws writes through a CoalescingStream: one socket write per batch of messages, not per message.
        app.Use((context, next) =>
        {
            if (context.Request.Path == "/ws" && context.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true } upgrade)
            {
                context.Features.Set<IHttpUpgradeFeature>(new CoalescingUpgradeFeature(upgrade));
            }
            return next(context);
        });
        app.UseWebSockets();
        app.Map("/ws", async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync("WebSocket only: see docs/market-data.md").ConfigureAwait(false);
                return;
            }
            using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
            {
                KeepAliveInterval = hub.Options.KeepAliveInterval,
                KeepAliveTimeout = hub.Options.KeepAliveTimeout,
            }).ConfigureAwait(false);
            var stream = (context.Features.Get<IHttpUpgradeFeature>() as CoalescingUpgradeFeature)?.Stream;
            await hub.RunConnectionAsync(socket, stream, context.RequestAborted).ConfigureAwait(false);
        });
        app.MapMarketData(service);
        return app;
    }

    /// <summary>The address the started host listens on (for port 0).</summary>
    public static Uri Address(WebApplication app) => new(app.Urls.First());
}
