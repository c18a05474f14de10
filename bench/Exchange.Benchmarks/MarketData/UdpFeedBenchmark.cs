using System.Diagnostics;
using System.Globalization;
using System.Net;
using Exchange.MarketData.Client;
using Exchange.MarketData.Feed;
using Exchange.MarketData.Itch;
using Exchange.MarketData.Service;

namespace Exchange.Benchmarks.MarketData;

/// <summary>`udpfeed`: the ITCH-over-MoldUDP64 feed on loopback with one <see cref="ItchFeedClient"/> rebuilding the
/// book, the engine driven at a target event rate (0 = as fast as it goes). Reports messages/s published and applied,
/// gaps and re-requests, and engine event → client apply latency from the ITCH timestamp (ns since midnight).</summary>
internal static class UdpFeedBenchmark
{
    private const long NanosPerDay = 86_400_000_000_000;

    public static int Run(string[] args)
    {
        long rate = FanOutBenchmark.Arg(args, "--rate", 0);
        int seconds = FanOutBenchmark.Arg(args, "--seconds", 10);

        IPEndPoint endpoint;
        using (var probe = new System.Net.Sockets.UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
        {
            endpoint = (IPEndPoint)probe.Client.LocalEndPoint!;
        }
        var options = new FeedOptions
        {
            FeedEndpoint = endpoint,
            RequestEndpoint = new IPEndPoint(IPAddress.Loopback, 0),
            SnapshotEndpoint = new IPEndPoint(IPAddress.Loopback, 0),
        };
        var service = new MarketDataService();
        using var publisher = new ItchFeedPublisher(options);
        service.AddPublisher(publisher);
        using var requests = new MoldRequestServer(options, publisher.Session, publisher.Store);
        var driver = new EngineDriver(service);
        using var client = new ItchFeedClient(new FeedClientOptions { FeedEndpoint = endpoint, RequestEndpoint = requests.LocalEndpoint, SnapshotEndpoint = null });
        var latencies = new List<long>(1 << 20);
        bool measuring = false;
        client.OnMessage = (message, _) =>
        {
            if (Volatile.Read(ref measuring) && message.Length >= ItchHeader.Size && message[0] is (byte)'A' or (byte)'E' or (byte)'X' or (byte)'D')
            {
                long now = WallClock.NowNanoseconds() % NanosPerDay;
                long latency = now - ItchHeader.Read(message).Timestamp;
                latencies.Add(latency < 0 ? latency + NanosPerDay : latency);
            }
        };
        client.StartAsync().GetAwaiter().GetResult();
        service.Start();
        service.WaitUntilIdle(TimeSpan.FromSeconds(10));

        long publishedBefore = publisher.Store.Count;
        Volatile.Write(ref measuring, true);
        var clock = Stopwatch.StartNew();
        driver.Run(TimeSpan.FromSeconds(seconds), rate);
        double elapsed = clock.Elapsed.TotalSeconds;
        service.WaitUntilIdle(TimeSpan.FromSeconds(30));
        ulong end = (ulong)publisher.Store.Count + 1;
        bool caughtUp = client.WaitFor(end, TimeSpan.FromSeconds(60));
        double total = clock.Elapsed.TotalSeconds;
        Volatile.Write(ref measuring, false);
        long published = publisher.Store.Count - publishedBefore;

        var sorted = latencies.ToArray();
        Array.Sort(sorted);
        string P(double p) => sorted.Length == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{sorted[(int)Math.Min(sorted.Length - 1, p * sorted.Length)] / 1e3:F0} µs");
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"engine events: {driver.Events:N0} in {elapsed:F1} s = {driver.Events / elapsed:N0}/s (target {(rate == 0 ? "max" : rate.ToString("N0", inv))})"));
        Console.WriteLine(string.Create(inv, $"published: {published:N0} ITCH messages in {publisher.PacketsSent:N0} packets = {published / elapsed:N0} messages/s; dropped events {service.Dropped}"));
        Console.WriteLine(string.Create(inv, $"client: caught up {caughtUp} after {total:F1} s, {client.MessagesApplied:N0} applied, gaps {client.GapsDetected}, re-requests {client.RequestsSent}, answered {requests.RequestsAnswered}, inconsistencies {client.Read(b => b.CountInconsistencies())}"));
        Console.WriteLine(string.Create(inv, $"latency engine event → client applied ({sorted.Length:N0} book messages): p50 {P(0.5)}, p99 {P(0.99)}, p99.9 {P(0.999)}, max {P(1)}"));
        service.Dispose();
        return 0;
    }
}
