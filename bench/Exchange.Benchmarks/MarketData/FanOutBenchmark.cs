using System.Diagnostics;
using System.Globalization;
using Exchange.Api;
using Exchange.Api.WebSockets;
using Exchange.MarketData.Service;

namespace Exchange.Benchmarks.MarketData;

/// <summary>`fanout`: the WebSocket feed with many subscribers on loopback. This process runs the market-data service,
/// the hub and Kestrel, and an engine driven at a target event rate; a child process (`fanout-clients`) opens the
/// connections, subscribes each to l1 and trades (`--channels`) of one of four symbols (protobuf), and measures what it
/// receives.
/// Reports: events/s achieved, messages/s delivered, engine event → client receive latency (sampled clients),
/// server memory per connection, slow-consumer disconnects and dropped events.</summary>
internal static class FanOutBenchmark
{
    public static int Run(string[] args)
    {
        int clients = Arg(args, "--clients", 10_000);
        long rate = Arg(args, "--rate", 100_000);
        int seconds = Arg(args, "--seconds", 20);
        int sampleEvery = Arg(args, "--sample-every", 50);
        int publishMs = Arg(args, "--publish-ms", 0);
        string channels = Arg(args, "--channels", "l1,trades");

        var service = new MarketDataService();
        var hub = new MarketDataHub(service, new WebSocketFeedOptions
        {
            IdleTimeout = TimeSpan.FromMinutes(10),
            PublishInterval = TimeSpan.FromMilliseconds(publishMs),
        });
        var app = MarketDataWebHost.Build("127.0.0.1:0", service, hub);
        var driver = new EngineDriver(service);
        service.Start();
        app.StartAsync().GetAwaiter().GetResult();
        var url = $"ws://{MarketDataWebHost.Address(app).Authority}/ws";
        service.WaitUntilIdle(TimeSpan.FromSeconds(10));

        long baseHeap = GcHeap();
        long baseWorkingSet = Process.GetCurrentProcess().WorkingSet64;
        ThreadPool.SetMinThreads(64, 64); // 10k connections wake in bursts: no hill-climbing delay
        var start = BenchmarkChildProcess.StartInfo("fanout-clients", "--url", url, "--clients", $"{clients}", "--seconds", $"{seconds}",
            "--sample-every", $"{sampleEvery}", "--channels", channels);
        start.RedirectStandardOutput = true;
        start.RedirectStandardInput = true;
        var child = Process.Start(start)!;
        // The child says "ready" once every connection is subscribed and has its snapshots.
        string? line;
        while ((line = child.StandardOutput.ReadLine()) is not null && line != "ready")
        {
            Console.WriteLine($"  clients: {line}");
        }
        Console.WriteLine($"connections on the server: {hub.ConnectionCount}");
        long heap = GcHeap();
        long workingSet = Process.GetCurrentProcess().WorkingSet64;

        long sentBefore = hub.TotalSent;
        var clock = Stopwatch.StartNew();
        driver.Run(TimeSpan.FromSeconds(seconds), rate);
        double elapsed = clock.Elapsed.TotalSeconds;
        service.WaitUntilIdle(TimeSpan.FromSeconds(30));
        long sent = hub.TotalSent - sentBefore;
        int maxQueued = hub.MaxQueuedMessages;
        int connected = hub.ConnectionCount;
        child.StandardInput.WriteLine("done"); // the child closes its connections only now
        string rest = child.StandardOutput.ReadToEnd();
        child.WaitForExit();

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"fanout: {clients:N0} clients ({channels.Replace(",", " + ", StringComparison.Ordinal)} of one of 4 symbols, protobuf), publish interval {publishMs} ms, {seconds} s"));
        Console.WriteLine(string.Create(inv, $"engine events: {driver.Events:N0} in {elapsed:F1} s = {driver.Events / elapsed:N0}/s (target {rate:N0}/s), {driver.Commands:N0} commands"));
        Console.WriteLine(string.Create(inv, $"server: {sent:N0} messages sent = {sent / elapsed:N0}/s; dropped events {service.Dropped}; slow-consumer disconnects {hub.SlowConsumerDisconnects}; max queued per connection {maxQueued}; connections at the end {connected}"));
        Console.WriteLine(string.Create(inv, $"server memory per connection: managed heap {(heap - baseHeap) / (double)clients / 1024:F1} KiB, working set {(workingSet - baseWorkingSet) / (double)clients / 1024:F1} KiB ({clients:N0} connections; heap {baseHeap / 1048576.0:F0} → {heap / 1048576.0:F0} MiB, working set {baseWorkingSet / 1048576.0:F0} → {workingSet / 1048576.0:F0} MiB)"));
        Console.Write(rest);
        app.StopAsync().GetAwaiter().GetResult();
        service.Dispose();
        return 0;
    }

    private static long GcHeap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    internal static int Arg(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    internal static string Arg(string[] args, string name, string fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
