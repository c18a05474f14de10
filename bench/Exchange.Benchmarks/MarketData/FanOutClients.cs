using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using Exchange.Api.Messages;

namespace Exchange.Benchmarks.MarketData;

/// <summary>`fanout-clients` (started by `fanout`): opens the connections (at most 256 handshakes at once), subscribes
/// each to l1 and trades of one symbol in protobuf, prints "ready", then receives for the run. Every n-th client decodes
/// its messages and records engine time → receive latency; the others only count them.</summary>
internal static class FanOutClients
{
    public static int Run(string[] args)
    {
        var url = new Uri(FanOutBenchmark.Arg(args, "--url", "ws://127.0.0.1:8080/ws"));
        int clients = FanOutBenchmark.Arg(args, "--clients", 10_000);
        int seconds = FanOutBenchmark.Arg(args, "--seconds", 20);
        int sampleEvery = FanOutBenchmark.Arg(args, "--sample-every", 50);

        ThreadPool.SetMinThreads(64, 64);
        var sockets = new ClientWebSocket[clients];
        var gate = new SemaphoreSlim(256);
        var connectClock = Stopwatch.StartNew();
        var connecting = Enumerable.Range(0, clients).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var socket = new ClientWebSocket();
                socket.Options.KeepAliveInterval = TimeSpan.Zero;
                await socket.ConnectAsync(url, CancellationToken.None);
                string symbol = SyntheticOrderFlow.Symbols[i % SyntheticOrderFlow.Symbols.Length];
                foreach (var channel in new[] { "l1", "trades" })
                {
                    await socket.SendAsync(Encoding.UTF8.GetBytes($$"""{"op":"subscribe","symbol":"{{symbol}}","channel":"{{channel}}","format":"protobuf"}"""),
                        WebSocketMessageType.Text, true, CancellationToken.None);
                }
                sockets[i] = socket;
            }
            finally
            {
                gate.Release();
            }
        }).ToArray();
        Task.WaitAll(connecting);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clients} connected and subscribed in {connectClock.Elapsed.TotalSeconds:F1} s"));

        var stop = new CancellationTokenSource();
        long messages = 0, bytes = 0, closed = 0;
        var samples = new List<long>[clients];
        bool measuring = false;
        var receiving = Enumerable.Range(0, clients).Select(i => Task.Run(async () =>
        {
            bool sample = i % sampleEvery == 0;
            var latencies = samples[i] = [];
            var buffer = new byte[sample ? 65536 : 4096];
            var socket = sockets[i];
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    int total = 0;
                    ValueWebSocketReceiveResult r;
                    do
                    {
                        r = await socket.ReceiveAsync(buffer.AsMemory(Math.Min(total, buffer.Length - 1)), stop.Token);
                        total += r.Count;
                    }
                    while (!r.EndOfMessage);
                    if (r.MessageType == WebSocketMessageType.Close)
                    {
                        Interlocked.Increment(ref closed);
                        return;
                    }
                    if (!Volatile.Read(ref measuring))
                    {
                        continue;
                    }
                    Interlocked.Increment(ref messages);
                    Interlocked.Add(ref bytes, total);
                    if (sample && r.MessageType == WebSocketMessageType.Binary && total <= buffer.Length)
                    {
                        var m = ProtobufMessageCodec.Decode(buffer[..total]);
                        if (m.Type == MessageType.Update && m.Timestamp > 0)
                        {
                            latencies.Add(WallClock.NowNanoseconds() - m.Timestamp);
                        }
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
            }
        })).ToArray();
        Thread.Sleep(2000); // snapshots and subscription answers arrive before measuring
        Volatile.Write(ref measuring, true);
        Console.WriteLine("ready");
        var clock = Stopwatch.StartNew();
        Thread.Sleep(TimeSpan.FromSeconds(seconds));
        Volatile.Write(ref measuring, false);
        double elapsed = clock.Elapsed.TotalSeconds;
        long received = Interlocked.Read(ref messages);
        Thread.Sleep(200); // receive loops finish recording the message in hand

        var all = samples.Where(s => s is not null).SelectMany(s => s).Order().ToArray();
        string Percentile(double p) => all.Length == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{all[(int)Math.Min(all.Length - 1, p * all.Length)] / 1e6:F2} ms");
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"clients: {received:N0} messages received = {received / elapsed:N0}/s ({Interlocked.Read(ref bytes) / elapsed / 1048576:F1} MiB/s), closed by the server {closed}"));
        Console.WriteLine(string.Create(inv, $"latency engine event → client receive ({all.Length:N0} samples from every {sampleEvery}th client): p50 {Percentile(0.50)}, p99 {Percentile(0.99)}, p99.9 {Percentile(0.999)}, max {Percentile(1)}"));
        Console.Out.Flush();
        Console.ReadLine(); // the server reads its counters while the connections are still open
        stop.Cancel();
        Task.WaitAll(receiving, TimeSpan.FromSeconds(10));
        return 0;
    }
}
