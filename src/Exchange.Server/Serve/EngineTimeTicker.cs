using Exchange.Core.Commands;

namespace Exchange.Server.Serve;

/// <summary>Advances engine time while no orders arrive: every interval it enters one journaled AdvanceTime
/// command per shard, so time-driven rules (good-till-date expiry, trading pauses that end) fire on an idle
/// market too. The engine still reads time only from commands, so replay stays deterministic.</summary>
public sealed class EngineTimeTicker : IDisposable
{
    /// <summary>The session id the ticks carry; nobody listens for their (empty) answers.</summary>
    public const long TickerSessionId = 1;

    private readonly ExchangeNode _node;
    private readonly Timer _timer;
    private long _ticks;

    public EngineTimeTicker(ExchangeNode node, TimeSpan interval)
    {
        _node = node;
        _timer = new Timer(_ => Tick(), null, interval, interval);
    }

    /// <summary>Ticks entered so far.</summary>
    public long Ticks => Interlocked.Read(ref _ticks);

    private void Tick()
    {
        var tick = new Command { Type = CommandType.AdvanceTime };
        // A full ring means traffic is advancing time already; skipping this tick loses nothing.
        if (_node.Fault is null && _node.TrySubmit(in tick, TickerSessionId, 0) > 0)
        {
            Interlocked.Increment(ref _ticks);
        }
    }

    /// <summary>Stops ticking and waits for a tick in progress, so nothing is submitted after it returns.</summary>
    public void Dispose()
    {
        using var done = new ManualResetEvent(false);
        if (_timer.Dispose(done))
        {
            done.WaitOne();
        }
    }
}
