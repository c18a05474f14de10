using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Exchange.Core.Domain;
using Exchange.Server.Configuration;
using Exchange.Server.Gateways;
using Exchange.Server.Gateways.Fix;
using Exchange.Server.MarketData;
using Exchange.Server.RateLimiting;
using Exchange.Server.Gateways.Binary;

namespace Exchange.Server.Serve;

/// <summary>`exchange serve`: runs the exchange on the embedded defaults (or exchange.json) until SIGINT/SIGTERM,
/// then shuts down cleanly: drain, final fsync, snapshot.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "Data directory (journal, snapshots). Default: ./data" };
        var config = new Option<string?>("--config") { Description = "Configuration file. Default: ./exchange.json if it exists." };
        var stdin = new Option<bool>("--stdin")
        {
            Description = "Also read commands as JSON lines from stdin and write their events to stdout once durable; exit at end of input.",
        };
        var command = new Command("serve", "Run the exchange (durable: journal + snapshots). Configuration: docs/configuration.md.")
        {
            data, config, stdin,
        };
        command.SetAction(parseResult => Run(parseResult.GetValue(data), parseResult.GetValue(config), parseResult.GetValue(stdin)));
        return command;
    }

    private static int Run(string? dataDirectory, string? configPath, bool useStdin)
    {
        var timeline = new StartupTimeline();
        var log = Console.Error;
        ExchangeConfig config;
        try
        {
            config = ExchangeConfig.Load(configPath ?? "exchange.json");
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException or IOException)
        {
            log.WriteLine($"exchange: cannot read the configuration: {e.Message}");
            return 2;
        }
        if (dataDirectory is not null)
        {
            config = config with { DataDirectory = dataDirectory };
        }

        timeline.Mark("configuration");

        var decimals = config.Instruments.ToDictionary(i => Core.Domain.Symbol.Parse(i.Symbol), i => Price.DecimalsOf(Price.Parse(i.TickSize)));
        var session = useStdin ? new StdinSession(config.Accounts.Select(a => (a.Name, a.Id)), decimals) : null;
        // Market data (HTTP host, feed, servers) starts on the thread pool while the shards recover; each shard waits
        // for it only to hand over its recovered book, just before its pipeline runs.
        var marketDataStarting = Task.Run(() => MarketDataNode.StartAsync(config));
        // Order-entry sessions of every gateway reach the exchange through the hub.
        var hub = new OrderEntryHub();
        var throttle = new OrderEntryThrottle(config.RateLimits);
        hub.Admit = throttle.Admit;
        // FIX order state (for AvgPx and OrderStatusRequest) listens before the hub, so reports see their own event.
        var fixOrders = new FixOrderProjection();
        var marketDataListener = new PendingMarketDataListener(marketDataStarting);
        ExchangeNode started;
        try
        {
            started = ExchangeNode.Start(config,
                session is null ? [fixOrders, hub, throttle, marketDataListener] : [fixOrders, hub, throttle, session, marketDataListener]);
        }
        catch when (marketDataStarting.IsFaulted)
        {
            var e = marketDataStarting.Exception.InnerException;
            if (e is IOException or System.Net.Sockets.SocketException or FormatException)
            {
                log.WriteLine($"exchange: cannot start market data: {e.Message}");
                return 2;
            }
            throw;
        }
        using var node = started;
        var marketData = marketDataStarting.GetAwaiter().GetResult(); // the shards waited for it
        hub.Node = node;
        timeline.Mark("recovery and market data");
        var ticker = config.TimeTickMilliseconds > 0 ? new EngineTimeTicker(node, TimeSpan.FromMilliseconds(config.TimeTickMilliseconds)) : null;
        log.WriteLine($"exchange: data {Path.GetFullPath(config.DataDirectory)}");
        foreach (var shard in node.Shards)
        {
            var r = shard.Recovery;
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"exchange: shard {shard.Id} recovered in {r.Duration.TotalMilliseconds:F0} ms (snapshot load {r.SnapshotLoad.TotalMilliseconds:F0} ms, journal {r.JournalRecovery.TotalMilliseconds:F0} ms): snapshot at {r.SnapshotSequence}, {r.ReplayedRecords} journal records replayed, last sequence {r.LastJournalSequence}, {r.LiveOrders} live orders, digest {r.StateDigest:x16}{(r.TornTail is null ? "" : $", torn tail truncated: {r.TornTail}")}"));
        }
        log.WriteLine($"exchange: durability {config.Durability}; instruments {string.Join(", ", config.Instruments.Select(i => $"{i.Symbol} (shard {node.Router.ShardOf(Core.Domain.Symbol.Parse(i.Symbol))})"))}; accounts {string.Join(", ", config.Accounts.Select(a => a.Name))}");
        FixGateway fix;
        BinaryAcceptor binary;
        try
        {
            fix = FixGateway.Start(config, hub, fixOrders, message => log.WriteLine($"exchange: {message}"));
        }
        catch (System.Net.Sockets.SocketException e)
        {
            return FailToStart($"cannot listen for FIX on {config.FixEndpoint}: {e.Message}", null);
        }
        try
        {
            binary = BinaryAcceptor.Start(config.BinaryOrderEntryEndpoint, hub, config.Accounts,
                stateDirectory: Path.Combine(config.DataDirectory, "binary"), log: log);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            return FailToStart($"cannot listen for binary order entry on {config.BinaryOrderEntryEndpoint}: {e.Message}", fix);
        }
        timeline.Mark("gateways");
        log.WriteLine($"exchange: FIX 4.4 acceptor on {fix.LocalEndPoint} (TargetCompID {config.FixCompId}; sessions {string.Join(", ", config.FixSessions.Select(f => f.SenderCompId))}; docs/fix.md)");
        log.WriteLine($"exchange: binary order entry on {binary.LocalEndPoint} (docs/binary-protocol.md)");
        log.WriteLine($"exchange: market data: REST and WebSocket (/ws) on http://{config.HttpEndpoint}, ITCH/MoldUDP64 feed to udp {config.MarketDataFeedEndpoint} (re-request udp {config.MarketDataRequestEndpoint}, snapshot tcp {config.MarketDataSnapshotEndpoint})");
        log.WriteLine($"exchange: {timeline.Describe()}");

        // A gateway that cannot listen (its port is taken, e.g. by another exchange) stops the start: better than
        // an exchange that runs without the connections its participants expect.
        int FailToStart(string reason, FixGateway? startedFix)
        {
            log.WriteLine($"exchange: {reason}");
            ShutDown(startedFix, null);
            return 2;
        }

        // Gateways stop taking orders first; the node drains; then what consumes its last events is closed.
        void ShutDown(FixGateway? startedFix, BinaryAcceptor? startedBinary)
        {
            ticker?.Dispose();
            startedFix?.StopAsync().GetAwaiter().GetResult();
            startedBinary?.Stop();
            node.Stop();
            startedBinary?.Dispose(); // saves the streams, now that every event has reached them
            marketData.DisposeAsync().AsTask().GetAwaiter().GetResult(); // after the node: its last events are published
        }

        using var stop = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Cancel(); });
        if (session is not null)
        {
            session.Node = node;
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            var input = new StreamReader(Console.OpenStandardInput(), utf8);
            var output = new StreamWriter(Console.OpenStandardOutput(), utf8);
            // The session blocks reading stdin; a signal must not wait for the next line.
            using var finished = new ManualResetEventSlim();
            var reading = new Thread(() =>
            {
                session.Run(input, output, stop.Token);
                finished.Set();
            }) { IsBackground = true, Name = "stdin-session" };
            reading.Start();
            WaitHandle.WaitAny([stop.Token.WaitHandle, finished.WaitHandle]);
        }
        else
        {
            stop.Token.WaitHandle.WaitOne();
        }
        log.WriteLine("exchange: shutting down (drain, fsync, snapshot)");
        ShutDown(fix, binary);
        session?.Finish();
        foreach (var shard in node.Shards)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"exchange: shard {shard.Id} stopped at sequence {shard.Pipeline.LastJournalSequence}, digest {shard.Pipeline.Engine.ComputeStateDigest():x16}"));
        }
        return node.Fault is null ? 0 : 1;
    }
}
