using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Exchange.Benchmarks.Network;

/// <summary>The round-trip latency floor of this machine's loopback TCP with no exchange in it: a child process echoes
/// fixed-size messages back on one blocking reader thread per connection, while this process sends them open-loop at
/// a rate, paced exactly like <c>exchange loadtest</c> (sleep when the next message is over 2 ms away, yield the core
/// closer to it), and a receiver thread per connection measures each round trip from the message's due time
/// (corrected for coordinated omission). Whatever the exchange's loadtest p99 is, it cannot be below this.</summary>
internal static class LoopbackFloorBenchmark
{
    public static int Run(string[] args)
    {
        int rate = Option(args, "--rate", 50_000);
        int seconds = Option(args, "--seconds", 10);
        int connections = Option(args, "--connections", 2);
        int size = Option(args, "--size", 64); // the binary protocol's EnterOrder is 64-odd bytes
        // Like loadtest's --warmup: sent at the same rate, left out of the percentiles (JIT tiers, first page faults).
        int warmup = Option(args, "--warmup", 2);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var echo = StartEcho(port, connections, size);

        // The child connects to this process (no port to hand back), then echoes on each connection.
        var sockets = new Socket[connections];
        for (int c = 0; c < connections; c++)
        {
            sockets[c] = listener.AcceptSocket();
            sockets[c].NoDelay = true;
        }
        long total = (long)rate * (warmup + seconds);
        long measuredFrom = (long)rate * warmup;
        var latencies = new long[total];
        double ticksPerMessage = (double)Stopwatch.Frequency / rate;
        long start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 5;
        var receivers = new Thread[connections];
        for (int c = 0; c < connections; c++)
        {
            int connection = c;
            receivers[c] = new Thread(() => Receive(sockets[connection], connection, connections, total, size, start, ticksPerMessage, latencies))
            {
                IsBackground = true,
                Name = $"floor-rx-{c}",
            };
            receivers[c].Start();
        }
        var message = new byte[size];
        for (long g = 0; g < total;)
        {
            long now = Stopwatch.GetTimestamp();
            long due = now < start ? 0 : Math.Min(total, (long)((now - start) / ticksPerMessage) + 1);
            if (g >= due)
            {
                if (start + (long)(g * ticksPerMessage) - now > Stopwatch.Frequency / 500)
                {
                    Thread.Sleep(1);
                }
                else
                {
                    Thread.Yield();
                }
                continue;
            }
            for (; g < due; g++)
            {
                sockets[g % connections].Send(message);
            }
        }
        foreach (var r in receivers)
        {
            r.Join();
        }
        foreach (var s in sockets)
        {
            s.Dispose();
        }
        var measured = latencies.AsSpan((int)measuredFrom);
        measured.Sort();
        long count = measured.Length;
        double Micros(double q) => latencies[measuredFrom + (long)Math.Min(count - 1, q * count)] * 1e6 / Stopwatch.Frequency;
        Console.WriteLine($"loopback echo, {connections} connection(s), {size}-byte messages, {rate:N0}/s for {seconds} s after {warmup} s of warm-up");
        Console.WriteLine("     p50       p90       p99     p99.9    p99.99       max   (µs)");
        Console.WriteLine(string.Join(" ", new[] { 0.5, 0.9, 0.99, 0.999, 0.9999, 1.0 }.Select(q => Micros(q).ToString("F1", CultureInfo.InvariantCulture).PadLeft(9))));
        return 0;
    }

    /// <summary>The child's side: connects to the parent and echoes every byte back on the thread that read it.</summary>
    public static int RunEcho(string[] args)
    {
        int port = Option(args, "--port", 0);
        int connections = Option(args, "--connections", 2);
        int size = Option(args, "--size", 64);
        var threads = new List<Thread>();
        for (int c = 0; c < connections; c++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            threads.Add(new Thread(() => Echo(socket, port, size)) { Name = $"echo-{c}" });
        }
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return 0;
    }

    private static void Echo(Socket socket, int port, int size)
    {
        socket.Connect(IPAddress.Loopback, port);
        var buffer = new byte[size * 1024];
        int n;
        while ((n = socket.Receive(buffer)) > 0)
        {
            for (int sent = 0; sent < n;)
            {
                sent += socket.Send(buffer, sent, n - sent, SocketFlags.None);
            }
        }
        socket.Dispose();
    }

    private static void Receive(Socket socket, int connection, int connections, long total, int size, long start, double ticksPerMessage, long[] latencies)
    {
        var buffer = new byte[size * 1024];
        long expected = (total - connection + connections - 1) / connections;
        long received = 0;
        int partial = 0;
        while (received < expected)
        {
            int n = socket.Receive(buffer);
            if (n <= 0)
            {
                return;
            }
            long now = Stopwatch.GetTimestamp();
            for (partial += n; partial >= size && received < expected; partial -= size)
            {
                long g = connection + received++ * connections;
                latencies[g] = now - (start + (long)(g * ticksPerMessage));
            }
        }
    }

    private static Process StartEcho(int port, int connections, int size)
    {
        return Process.Start(BenchmarkChildProcess.StartInfo("loopback-echo", "--port", $"{port}", "--connections", $"{connections}",
            "--size", $"{size}"))!;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
