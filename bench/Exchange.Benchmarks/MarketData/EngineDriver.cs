using System.Diagnostics;
using Exchange.Core.Matching;
using Exchange.MarketData.Service;
using Exchange.MarketData.Views;

namespace Exchange.Benchmarks.MarketData;

/// <summary>Runs a <see cref="MatchingEngine"/> on its own thread at a target event rate (paced per millisecond), posting
/// every event to a <see cref="MarketDataService"/> as the pipeline's listener does (never waiting). Commands are stamped
/// with the wall clock in ns since the Unix epoch, which the clients compare with on receipt.</summary>
internal sealed class EngineDriver
{
    private readonly MatchingEngine _engine = new();
    private readonly MarketDataService _service;
    private readonly SyntheticOrderFlow _flow = new(42);

    public EngineDriver(MarketDataService service)
    {
        _service = service;
        _service.PostSeed(ShardSeed.Capture(0, _engine));
        foreach (var c in _flow.Instruments())
        {
            var command = c;
            command.Timestamp = WallClock.NowNanoseconds();
            Post(_engine.Process(in command));
        }
    }

    public long Events { get; private set; }

    public long Commands { get; private set; }

    /// <summary>Runs for <paramref name="duration"/> at <paramref name="eventsPerSecond"/> (0 = as fast as possible).</summary>
    public void Run(TimeSpan duration, long eventsPerSecond)
    {
        var clock = Stopwatch.StartNew();
        long target = 0;
        while (clock.Elapsed < duration)
        {
            long due = eventsPerSecond == 0 ? long.MaxValue : (long)(clock.Elapsed.TotalSeconds * eventsPerSecond);
            if (Events >= due)
            {
                Thread.Sleep(1);
                continue;
            }
            target = Math.Min(due, Events + 5_000);
            while (Events < target)
            {
                var command = _flow.Next();
                command.Timestamp = WallClock.NowNanoseconds();
                Post(_engine.Process(in command));
                Commands++;
            }
        }
    }

    private void Post(ReadOnlySpan<Exchange.Core.Events.EngineEvent> events)
    {
        for (int k = 0; k < events.Length; k++)
        {
            _service.TryPost(0, in events[k], k == events.Length - 1);
        }
        Events += events.Length;
    }
}

internal static class WallClock
{
    public static long NowNanoseconds() => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100;
}
