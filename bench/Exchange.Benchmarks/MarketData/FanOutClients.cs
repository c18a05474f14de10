using System.Diagnostics;
using System.Globalization;
using Exchange.Api.Messages;

namespace Exchange.Benchmarks.MarketData;

/// <summary>`fanout-clients` (started by `fanout`): opens the connections (real WebSocket handshakes on plain sockets,
/// a few connecting threads), subscribes each to l1 and trades (`--channels`) of one symbol in protobuf, prints "ready", then receives
/// for the run on a few threads that wait with epoll (<see cref="FanOutReceiver"/>). Every n-th client decodes its
/// messages and records engine time → receive latency; the others only count them. 10,000 async receive loops (one
/// ClientWebSocket each) cost more CPU than the server's whole fan-out on this 2-core machine, so the client keeps to
/// the minimum: one receive system call per readable socket and a frame-header parser.</summary>
internal static class FanOutClients
{
    public static int Run(string[] args)
    {
        var url = new Uri(FanOutBenchmark.Arg(args, "--url", "ws://127.0.0.1:8080/ws"));
        int clients = FanOutBenchmark.Arg(args, "--clients", 10_000);
        int seconds = FanOutBenchmark.Arg(args, "--seconds", 20);
        int sampleEvery = FanOutBenchmark.Arg(args, "--sample-every", 50);
        int threads = FanOutBenchmark.Arg(args, "--client-threads", Math.Max(2, Environment.ProcessorCount));
        string[] channels = FanOutBenchmark.Arg(args, "--channels", "l1,trades").Split(',');

        long messages = 0, bytes = 0;
        bool measuring = false;
        var samples = new List<long>[threads];
        var receivers = new FanOutReceiver[threads];
        for (int t = 0; t < threads; t++)
        {
            var latencies = samples[t] = [];
            // Runs on receiver t only: counts go to shared totals, samples to the thread's own list.
            receivers[t] = new FanOutReceiver(t, (connection, length, payload) =>
            {
                if (!Volatile.Read(ref measuring))
                {
                    return;
                }
                Interlocked.Increment(ref messages);
                Interlocked.Add(ref bytes, length);
                if (!payload.IsEmpty)
                {
                    var m = ProtobufMessageCodec.Decode(payload.ToArray());
                    if (m.Type == MessageType.Update && m.Timestamp > 0)
                    {
                        latencies.Add(WallClock.NowNanoseconds() - m.Timestamp);
                    }
                }
            });
        }

        var connectClock = Stopwatch.StartNew();
        var connections = new (FanOutConnection Connection, byte[] Leftover)[clients];
        int next = -1;
        var connecting = Enumerable.Range(0, 16).Select(_ => new Thread(() =>
        {
            for (int i = Interlocked.Increment(ref next); i < clients; i = Interlocked.Increment(ref next))
            {
                var c = FanOutConnection.Connect(url, i % sampleEvery == 0, out var leftover);
                string symbol = SyntheticOrderFlow.Symbols[i % SyntheticOrderFlow.Symbols.Length];
                foreach (var channel in channels)
                {
                    c.SendText($$"""{"op":"subscribe","symbol":"{{symbol}}","channel":"{{channel}}","format":"protobuf"}""");
                }
                connections[i] = (c, leftover);
            }
        })).ToArray();
        foreach (var t in connecting)
        {
            t.Start();
        }
        foreach (var t in connecting)
        {
            t.Join();
        }
        for (int i = 0; i < clients; i++)
        {
            receivers[i % threads].Add(connections[i].Connection, connections[i].Leftover);
        }
        foreach (var r in receivers)
        {
            r.Start();
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clients} connected and subscribed in {connectClock.Elapsed.TotalSeconds:F1} s ({threads} receiving threads)"));

        Thread.Sleep(2000); // snapshots and subscription answers arrive before measuring
        Volatile.Write(ref measuring, true);
        Console.WriteLine("ready");
        var clock = Stopwatch.StartNew();
        Thread.Sleep(TimeSpan.FromSeconds(seconds));
        Volatile.Write(ref measuring, false);
        double elapsed = clock.Elapsed.TotalSeconds;
        long received = Interlocked.Read(ref messages);
        Thread.Sleep(200); // receivers finish the message in hand

        var all = samples.SelectMany(s => s).Order().ToArray();
        string Percentile(double p) => all.Length == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{all[(int)Math.Min(all.Length - 1, p * all.Length)] / 1e6:F2} ms");
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"clients: {received:N0} messages received = {received / elapsed:N0}/s ({Interlocked.Read(ref bytes) / elapsed / 1048576:F1} MiB/s), closed by the server {receivers.Sum(r => r.Closed)}"));
        Console.WriteLine(string.Create(inv, $"latency engine event → client receive ({all.Length:N0} samples from every {sampleEvery}th client): p50 {Percentile(0.50)}, p99 {Percentile(0.99)}, p99.9 {Percentile(0.999)}, max {Percentile(1)}"));
        Console.Out.Flush();
        Console.ReadLine(); // the server reads its counters while the connections are still open
        foreach (var r in receivers)
        {
            r.Stop();
        }
        return 0;
    }
}
