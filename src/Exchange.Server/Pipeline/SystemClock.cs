using System.Diagnostics;

namespace Exchange.Server.Pipeline;

/// <summary>Wall-clock time read cheaply: UTC once at start, then advanced by the monotonic
/// <see cref="Stopwatch"/>, so it never jumps backwards with NTP corrections.</summary>
public sealed class SystemClock : IClock
{
    private readonly long _startNanoseconds = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();

    public long NowNanoseconds()
    {
        long elapsed = Stopwatch.GetTimestamp() - _startTimestamp;
        return _startNanoseconds + (long)((Int128)elapsed * 1_000_000_000 / Stopwatch.Frequency);
    }
}
