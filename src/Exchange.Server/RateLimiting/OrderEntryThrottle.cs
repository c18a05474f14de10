using System.Diagnostics;
using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Events;
using Exchange.Server.Configuration;
using Exchange.Server.Gateways;
using Exchange.Server.Pipeline;

namespace Exchange.Server.RateLimiting;

/// <summary>The gateways' admission check (<see cref="OrderEntryHub.Admit"/>): a token bucket per account and,
/// if configured, per session, checked on the gateway thread before anything enters the ring, so a noisy account
/// is refused at its own bucket and never queues in front of the others. As an event listener it also caps an
/// instrument's order rate for a while after the engine's Level 1 move alert.</summary>
public sealed class OrderEntryThrottle : IEventListener
{
    private readonly RateLimitConfig _config;
    private readonly OrderRateLimiter? _accounts;
    private readonly OrderRateLimiter? _sessions;
    private readonly Dictionary<Symbol, long> _tightenedUntil = []; // responder threads only, under the lock
    private readonly Lock _tightenLock = new();

    public OrderEntryThrottle(RateLimitConfig config)
    {
        _config = config;
        _accounts = config.PerAccountPerSecond > 0 ? new OrderRateLimiter(config.PerAccountPerSecond, Math.Max(1, config.PerAccountBurst)) : null;
        _sessions = config.PerSessionPerSecond > 0 ? new OrderRateLimiter(config.PerSessionPerSecond, Math.Max(1, config.PerSessionBurst)) : null;
    }

    /// <summary>Messages refused so far.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    private long _refused;

    /// <summary>True if the session may enter the command now; every order-entry message costs one token.</summary>
    public bool Admit(IOrderEntrySession session, Command command)
    {
        long now = Stopwatch.GetTimestamp();
        if (_sessions is not null && _sessions.TryAcquire(session.SessionId, default, now, out _) != RateLimitResult.Allowed)
        {
            Interlocked.Increment(ref _refused);
            return false;
        }
        // The instrument cap (Level 1) is shared by all accounts, so it sits with the account limiter.
        var symbol = command.Type == CommandType.NewOrder ? command.Symbol : default;
        if (_accounts is not null && _accounts.TryAcquire(session.Account, symbol, now, out _) != RateLimitResult.Allowed)
        {
            Interlocked.Increment(ref _refused);
            return false;
        }
        return true;
    }

    public void OnEvent(in OutboundSlot slot)
    {
        ref readonly var e = ref slot.Event;
        if (_accounts is null || _config.Level1PerSecond <= 0)
        {
            return;
        }
        if (e.Type == EventType.Alert && e.Alert == AlertKind.MoveLevel1)
        {
            lock (_tightenLock)
            {
                _tightenedUntil[e.Symbol] = e.Timestamp + _config.Level1Seconds * 1_000_000_000L;
            }
            _accounts.TightenInstrument(e.Symbol, _config.Level1PerSecond, _config.Level1PerSecond, Stopwatch.GetTimestamp());
        }
        else if (_tightenedUntil.Count > 0)
        {
            RelaxExpired(e.Timestamp);
        }
    }

    private void RelaxExpired(long engineTime)
    {
        lock (_tightenLock)
        {
            foreach (var (symbol, until) in _tightenedUntil)
            {
                if (engineTime >= until)
                {
                    _tightenedUntil.Remove(symbol);
                    _accounts!.RelaxInstrument(symbol);
                }
            }
        }
    }
}
