using System.Diagnostics;
using System.Globalization;
using System.Net;
using Exchange.Core.Domain;
using HdrHistogram;

namespace Exchange.Server.LoadTest;

/// <summary>Runs one load test against a running exchange: connects and logs in every connection, drives the
/// order flow (open loop from one sending thread on a fixed schedule, or closed loop from each connection's
/// receiving thread), prints progress each second, drains outstanding acknowledgements, logs out.</summary>
internal sealed class LoadTestRunner(LoadTestOptions options, TextWriter progress)
{
    private readonly List<ILoadConnection> _connections = [];
    private readonly List<LoadConnectionStats> _stats = [];
    private volatile bool _stopSending;
    private volatile bool _sendingDone;
    private volatile bool _stopReceiving;

    public LoadTestResult Run()
    {
        bool closedLoop = options.Max;
        int count = options.Connections;
        var endpoint = Resolve(options.Host, options.EffectivePort);
        var symbol = Symbol.Parse(options.Symbol);
        var ids = new LoadOrderIds((uint)Random.Shared.Next());
        var errors = new List<string>();
        try
        {
            for (int i = 0; i < count; i++)
            {
                var stats = new LoadConnectionStats(i, count, options.Rate, closedLoop);
                var (user, password) = options.Accounts[i % options.Accounts.Count];
                _connections.Add(options.Protocol == "fix"
                    ? new FixLoadConnection(endpoint, user, password, options.FixTargetCompId, stats, ids, options.Symbol)
                    : new BinaryLoadConnection(endpoint, user, password, stats, ids, symbol));
                _stats.Add(stats);
            }
        }
        catch
        {
            _connections.ForEach(c => c.Dispose());
            throw;
        }

        long start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 100; // 10 ms to start the threads
        long measuredFrom = start + (long)(options.Warmup.TotalSeconds * Stopwatch.Frequency);
        _stats.ForEach(s => s.Begin(start, measuredFrom));
        long end = measuredFrom + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency);
        var flows = Enumerable.Range(0, count).Select(i => new LoadOrderFlow(options, options.Seed * 1000 + i)).ToArray();
        var receivers = new Thread[count];
        for (int i = 0; i < count; i++)
        {
            int index = i;
            receivers[i] = new Thread(() => ReceiveLoop(index, flows[index], ids, closedLoop, start)) { IsBackground = true, Name = $"loadtest-rx-{i}" };
            receivers[i].Start();
        }
        Thread? sender = null;
        if (!closedLoop)
        {
            sender = new Thread(() => SendOpenLoop(flows, ids, start, end)) { IsBackground = true, Name = "loadtest-tx" };
            sender.Start();
        }

        var total = new LongHistogram(TimeSpan.FromMinutes(10).Ticks * 100, 3);
        long lastSent = 0;
        long lastAcked = 0;
        long lastRejected = 0;
        long drainDeadline = end + (long)(options.Drain.TotalSeconds * Stopwatch.Frequency);
        long next = start + Stopwatch.Frequency;
        long finished;
        while (true)
        {
            long now = Stopwatch.GetTimestamp();
            if (now >= end && closedLoop)
            {
                _stopSending = true;
                _sendingDone = true;
            }
            bool drained = _sendingDone && _stats.All(s => s.Outstanding == 0 || s.Error is not null);
            if (drained || now >= drainDeadline || _stats.All(s => s.Error is not null))
            {
                finished = now;
                break;
            }
            if (now < next)
            {
                Thread.Sleep(TimeSpan.FromTicks(Math.Max(1, Math.Min(next - now, Stopwatch.Frequency / 100) * TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
                continue;
            }
            var interval = new LongHistogram(TimeSpan.FromMinutes(10).Ticks * 100, 3);
            foreach (var s in _stats)
            {
                interval.Add(s.Latency.GetIntervalHistogram());
                total.Add(s.Measured.GetIntervalHistogram());
            }
            long sent = _stats.Sum(s => s.Sent);
            long acked = _stats.Sum(s => s.Acknowledged);
            long rejected = _stats.Sum(s => s.Rejected);
            if (options.Progress)
            {
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(now - start) / (double)Stopwatch.Frequency,6:F1}s  sent {sent - lastSent,10:N0}/s  acked {acked - lastAcked,10:N0}/s  rejects {rejected - lastRejected,7:N0}  errors {_stats.Count(s => s.Error is not null)}  outstanding {sent - acked,9:N0}  p99 {Micros(interval, 99),10:N1} µs"));
            }
            (lastSent, lastAcked, lastRejected) = (sent, acked, rejected);
            next += Stopwatch.Frequency;
        }

        _stopSending = true;
        sender?.Join();
        foreach (var s in _stats)
        {
            total.Add(s.Measured.GetIntervalHistogram());
        }
        _stopReceiving = true;
        foreach (var connection in _connections)
        {
            try
            {
                connection.Logout();
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or ObjectDisposedException)
            {
            }
        }
        foreach (var receiver in receivers)
        {
            receiver.Join(TimeSpan.FromSeconds(2));
        }
        _connections.ForEach(c => c.Dispose());
        foreach (var receiver in receivers)
        {
            receiver.Join(TimeSpan.FromSeconds(2));
        }
        errors.AddRange(_stats.Where(s => s.Error is not null).Select(s => $"connection {s.Index}: {s.Error}"));

        long totalSent = _stats.Sum(s => s.Sent);
        long totalAcked = _stats.Sum(s => s.Acknowledged);
        long totalRejected = _stats.Sum(s => s.Rejected);
        var reasons = new SortedDictionary<string, long>(StringComparer.Ordinal);
        for (int code = 0; code <= LoadConnectionStats.MaxReasonCode; code++)
        {
            long n = _stats.Sum(s => s.RejectsByReason[code]);
            if (n > 0)
            {
                reasons[_connections[0].RejectReasonName(code)] = n;
            }
        }
        double sendSeconds = options.Warmup.TotalSeconds + options.Duration.TotalSeconds;
        double elapsed = (finished - start) / (double)Stopwatch.Frequency;
        return new LoadTestResult
        {
            Protocol = options.Protocol,
            Mode = closedLoop ? "closed-loop" : "open-loop",
            TargetRate = closedLoop ? 0 : options.Rate,
            Window = closedLoop ? options.Window : 0,
            Connections = count,
            Seed = options.Seed,
            DurationSeconds = options.Duration.TotalSeconds,
            WarmupSeconds = options.Warmup.TotalSeconds,
            ElapsedSeconds = elapsed,
            Sent = totalSent,
            Acknowledged = totalAcked,
            Accepted = totalAcked - totalRejected,
            Rejected = totalRejected,
            Unacknowledged = totalSent - totalAcked,
            SentPerSecond = totalSent / sendSeconds,
            AcknowledgedPerSecond = totalAcked / Math.Max(sendSeconds, elapsed),
            AcceptedPerSecond = (totalAcked - totalRejected) / Math.Max(sendSeconds, elapsed),
            P50Micros = Micros(total, 50),
            P90Micros = Micros(total, 90),
            P99Micros = Micros(total, 99),
            P999Micros = Micros(total, 99.9),
            P9999Micros = Micros(total, 99.99),
            MaxMicros = total.TotalCount == 0 ? 0 : total.GetMaxValue() / 1000.0,
            MeanMicros = total.TotalCount == 0 ? 0 : total.GetMean() / 1000.0,
            LatencySamples = total.TotalCount,
            RejectsByReason = reasons,
            Errors = errors,
        };
    }

    private static double Micros(HistogramBase h, double percentile) => h.TotalCount == 0 ? 0 : h.GetValueAtPercentile(percentile) / 1000.0;

    /// <summary>Open loop: order g is due at start + g / rate and goes to connection g mod N; the run has
    /// rate × duration orders. The thread sleeps when the next order is more than 2 ms away and yields the core in
    /// a loop closer to it; if it falls behind it sends the backlog at once (those orders' latency still counts from
    /// their due time), also after the end of the duration.</summary>
    private void SendOpenLoop(LoadOrderFlow[] flows, LoadOrderIds ids, long start, long end)
    {
        int count = _connections.Count;
        double ticksPerOrder = Stopwatch.Frequency / options.Rate;
        long total = (long)Math.Ceiling((end - start) / ticksPerOrder);
        var dirty = new bool[count];
        var dead = new bool[count];
        long g = 0;
        while (!_stopSending && g < total)
        {
            long now = Stopwatch.GetTimestamp();
            long due = now < start ? 0 : Math.Min(total, (long)((now - start) / ticksPerOrder) + 1);
            if (g >= due)
            {
                long wait = start + (long)(g * ticksPerOrder) - now;
                if (wait > Stopwatch.Frequency / 500)
                {
                    Thread.Sleep(1);
                }
                else
                {
                    // Not a pure spin: on a machine with few cores the exchange's threads need this one, and
                    // sched_yield hands it over at once when one of them is runnable.
                    Thread.Yield();
                }
                continue;
            }
            for (int batch = 0; g < due && batch < 4096; g++, batch++)
            {
                int c = (int)(g % count);
                if (dead[c])
                {
                    continue;
                }
                var order = flows[c].Next();
                _stats[c].OnSent(g, now);
                try
                {
                    _connections[c].Send(in order, ids.Format(g));
                    dirty[c] = true;
                }
                catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or ObjectDisposedException)
                {
                    dead[c] = true;
                    _stats[c].Error ??= e.Message;
                }
            }
            for (int c = 0; c < count; c++)
            {
                if (dirty[c] && !dead[c])
                {
                    dirty[c] = false;
                    try
                    {
                        _connections[c].Flush();
                    }
                    catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or ObjectDisposedException)
                    {
                        dead[c] = true;
                        _stats[c].Error ??= e.Message;
                    }
                }
            }
        }
        _sendingDone = true;
    }

    /// <summary>One per connection: reads acknowledgements; in closed loop it also keeps the window full.</summary>
    private void ReceiveLoop(int index, LoadOrderFlow flow, LoadOrderIds ids, bool closedLoop, long start)
    {
        var connection = _connections[index];
        var stats = _stats[index];
        int count = _connections.Count;
        long n = 0;
        try
        {
            if (closedLoop)
            {
                while (Stopwatch.GetTimestamp() < start)
                {
                    Thread.SpinWait(100);
                }
                n = TopUp(connection, stats, flow, ids, n, count, index);
            }
            while (!_stopReceiving)
            {
                if (!connection.Receive())
                {
                    if (!_stopReceiving)
                    {
                        stats.Error ??= "the server ended the connection";
                    }
                    return;
                }
                if (closedLoop && !_stopSending)
                {
                    n = TopUp(connection, stats, flow, ids, n, count, index);
                }
            }
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            if (!_stopReceiving)
            {
                stats.Error ??= e.Message;
            }
        }
    }

    private long TopUp(ILoadConnection connection, LoadConnectionStats stats, LoadOrderFlow flow, LoadOrderIds ids, long n, int count, int index)
    {
        bool any = false;
        while (stats.Outstanding < options.Window)
        {
            long number = n++ * count + index;
            var order = flow.Next();
            stats.OnSent(number, Stopwatch.GetTimestamp());
            connection.Send(in order, ids.Format(number));
            any = true;
        }
        if (any)
        {
            connection.Flush();
        }
        return n;
    }

    private static IPEndPoint Resolve(string host, int port) =>
        new(IPAddress.TryParse(host, out var address) ? address : Dns.GetHostAddresses(host).First(), port);
}
