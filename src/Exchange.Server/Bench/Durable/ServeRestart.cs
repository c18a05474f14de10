using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Exchange.Server.Bench.Durable;

/// <summary>Restart as an operator sees it: a fresh `exchange serve` process on a data directory, timed from just
/// before the process is started to its "ready" line (every gateway listening, recovery done), then stopped with
/// SIGTERM (a clean stop: drain, final snapshot). The configuration declares nothing and leaves risk and time ticks
/// off, so the start itself journals nothing.</summary>
internal static class ServeRestart
{
    /// <summary>Starts, waits for ready, stops. Returns the wall time to ready and serve's own "ready …" line.</summary>
    public static (TimeSpan Ready, string Line) Measure(string dataDirectory)
    {
        string config = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataDirectory))!, "restart-exchange.json");
        File.WriteAllText(config, $$"""
            {
              "instruments": [], "riskEnabled": false, "timeTickMilliseconds": 0,
              "httpEndpoint": "127.0.0.1:{{FreePort(SocketType.Stream, ProtocolType.Tcp)}}",
              "fixEndpoint": "127.0.0.1:{{FreePort(SocketType.Stream, ProtocolType.Tcp)}}",
              "binaryOrderEntryEndpoint": "127.0.0.1:{{FreePort(SocketType.Stream, ProtocolType.Tcp)}}",
              "marketDataFeedEndpoint": "127.0.0.1:{{FreePort(SocketType.Dgram, ProtocolType.Udp)}}",
              "marketDataRequestEndpoint": "127.0.0.1:{{FreePort(SocketType.Dgram, ProtocolType.Udp)}}",
              "marketDataSnapshotEndpoint": "127.0.0.1:{{FreePort(SocketType.Stream, ProtocolType.Tcp)}}"
            }
            """);
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(ServeRestart).Assembly.Location);
        foreach (string argument in new[] { "serve", "--data", dataDirectory, "--config", config })
        {
            start.ArgumentList.Add(argument);
        }
        var watch = Stopwatch.StartNew();
        using var child = Process.Start(start) ?? throw new InvalidOperationException("cannot start exchange serve");
        string? line;
        while ((line = child.StandardError.ReadLine()) is not null && !line.StartsWith("exchange: ready", StringComparison.Ordinal))
        {
        }
        var ready = watch.Elapsed;
        if (line is null)
        {
            child.WaitForExit();
            throw new InvalidOperationException($"exchange serve exited ({child.ExitCode}) before it was ready");
        }
        // Not at once: a stop right after the start can hang (suspected: BatchEventProcessor.Run sets its running flag
        // and clears the barrier's alert when its thread first runs, undoing a Halt that came before that).
        Thread.Sleep(TimeSpan.FromSeconds(1));
        using (var kill = Process.Start("kill", ["-TERM", child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }
        child.StandardError.ReadToEnd();
        if (!child.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            child.Kill();
            throw new InvalidOperationException("exchange serve did not stop within 2 minutes of SIGTERM");
        }
        return (ready, line["exchange: ".Length..]);
    }

    private static int FreePort(SocketType type, ProtocolType protocol)
    {
        using var probe = new Socket(AddressFamily.InterNetwork, type, protocol);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
