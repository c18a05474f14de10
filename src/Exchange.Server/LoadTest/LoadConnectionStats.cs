using System.Diagnostics;
using HdrHistogram;

namespace Exchange.Server.LoadTest;

/// <summary>What one connection sent and got back. Counters have one writer each (<see cref="Sent"/> the
/// sending thread, the rest the receiving thread) and are read by the progress thread. Latency is recorded
/// in nanoseconds into an interval <see cref="Recorder"/> from the order's <em>intended</em> send time
/// (open loop) — so a stalled server or client shows up as latency instead of hiding it (coordinated
/// omission) — or from its actual send time (closed loop, where the sender waits for acks by design).</summary>
internal sealed class LoadConnectionStats
{
    /// <summary>Reject reason codes counted by array index; larger codes are counted at the last index.</summary>
    public const int MaxReasonCode = 1023;

    /// <summary>Closed loop: send times by order number, a ring far larger than any window.</summary>
    private const int SendTimeRing = 1 << 16;

    private readonly long[] _sendTimes = new long[SendTimeRing];
    private long _start;
    private long _measuredFrom;
    private readonly double _ticksPerOrder;
    private readonly bool _closedLoop;
    private readonly int _connections;
    private long _sent;
    private long _acknowledged;
    private long _rejected;

    public LoadConnectionStats(int index, int connections, double rate, bool closedLoop)
    {
        Index = index;
        _connections = connections;
        _ticksPerOrder = closedLoop ? 0 : Stopwatch.Frequency / rate;
        _closedLoop = closedLoop;
    }

    public int Index { get; }

    /// <summary>Every round trip, for the progress lines.</summary>
    public Recorder Latency { get; } = NewRecorder();

    /// <summary>The round trips of orders due after the warm-up: what the final percentiles are made of. Decided by
    /// the order's intended send time, not by when its answer came, so a slow start cannot push warm-up orders in.</summary>
    public Recorder Measured { get; } = NewRecorder();

    public long Sent => Volatile.Read(ref _sent);

    public long Acknowledged => Volatile.Read(ref _acknowledged);

    public long Rejected => Volatile.Read(ref _rejected);

    public long Outstanding => Sent - Acknowledged;

    public long[] RejectsByReason { get; } = new long[MaxReasonCode + 1];

    /// <summary>Set when the connection failed (or was refused) rather than ending at our request.</summary>
    public string? Error { get; set; }

    /// <summary>Sets the open loop's time zero and the end of the warm-up (Stopwatch ticks) before any thread uses the stats.</summary>
    public void Begin(long start, long measuredFrom) => (_start, _measuredFrom) = (start, measuredFrom);

    /// <summary>Whether an order number belongs to this connection (others of the same account see it too).</summary>
    public bool Owns(long number) => number % _connections == Index;

    /// <summary>When the order should have been sent (open loop: the schedule; closed loop: when it was).</summary>
    public long IntendedTime(long number) =>
        _closedLoop ? _sendTimes[(number / _connections) & (SendTimeRing - 1)] : _start + (long)(number * _ticksPerOrder);

    /// <summary>Sending thread, right before the order is buffered.</summary>
    public void OnSent(long number, long now)
    {
        if (_closedLoop)
        {
            _sendTimes[(number / _connections) & (SendTimeRing - 1)] = now;
        }
        Volatile.Write(ref _sent, _sent + 1);
    }

    /// <summary>Receiving thread: the first answer to one of our orders (accepted, or rejected with a reason code).</summary>
    public void OnAcknowledged(long number, bool rejected, int reasonCode)
    {
        long now = Stopwatch.GetTimestamp();
        long intended = IntendedTime(number);
        long nanos = Math.Max(1, (long)((now - intended) * (1e9 / Stopwatch.Frequency)));
        Latency.RecordValue(nanos);
        if (intended >= _measuredFrom)
        {
            Measured.RecordValue(nanos);
        }
        if (rejected)
        {
            RejectsByReason[Math.Clamp(reasonCode, 0, MaxReasonCode)]++;
            Volatile.Write(ref _rejected, _rejected + 1);
        }
        Volatile.Write(ref _acknowledged, _acknowledged + 1);
    }

    private static Recorder NewRecorder() =>
        new(1, TimeSpan.FromMinutes(10).Ticks * 100, 3, (id, low, high, digits) => new LongHistogram(id, low, high, digits));
}
