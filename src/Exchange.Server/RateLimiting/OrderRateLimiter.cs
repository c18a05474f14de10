using System.Collections.Concurrent;
using System.Diagnostics;
using Exchange.Core.Domain;

namespace Exchange.Server.RateLimiting;

/// <summary>Order-entry rate limits enforced by the gateways before a command enters the ring buffer: one
/// <see cref="TokenBucket"/> per key (an account id, or a session id in a second limiter for per-session limits),
/// plus an optional bucket per instrument shared by every key (installed by <see cref="TightenInstrument"/>, e.g. on
/// a Level 1 move alert, and removed by <see cref="RelaxInstrument"/>). Thread-safe: gateway threads call it
/// concurrently; a key's bucket is created on its first request (the only allocation), later requests allocate
/// nothing, and each bucket has its own lock, so one noisy account only waits on itself. docs/risk.md.</summary>
public sealed class OrderRateLimiter(long ratePerSecond, long burst)
{
    private readonly ConcurrentDictionary<long, TokenBucket> _keys = new();
    private readonly ConcurrentDictionary<Symbol, TokenBucket> _instruments = new();

    /// <summary>Default rate of a key's bucket (tokens per second).</summary>
    public long RatePerSecond { get; } = ratePerSecond > 0 ? ratePerSecond : throw new ArgumentOutOfRangeException(nameof(ratePerSecond));

    /// <summary>Default burst of a key's bucket.</summary>
    public long Burst { get; } = burst > 0 ? burst : throw new ArgumentOutOfRangeException(nameof(burst));

    /// <summary>Takes one token from the key's bucket and then, if the instrument is tightened, one from the
    /// instrument's. A refusal by the instrument leaves the key's token spent (the venue still had to look at it).
    /// <paramref name="retryAfterTicks"/>: when refused, how long until the refusing bucket has a token.</summary>
    public RateLimitResult TryAcquire(long key, Symbol symbol, long now, out long retryAfterTicks)
    {
        if (!_keys.TryGetValue(key, out var bucket))
        {
            bucket = _keys.GetOrAdd(key, static (_, state) => new TokenBucket(state.Rate, state.Burst, state.Now), (Rate: RatePerSecond, Burst, Now: now));
        }
        if (!bucket.TryTake(now, out retryAfterTicks))
        {
            return RateLimitResult.AccountLimited;
        }
        if (!symbol.IsEmpty && !_instruments.IsEmpty && _instruments.TryGetValue(symbol, out var instrument)
            && !instrument.TryTake(now, out retryAfterTicks))
        {
            return RateLimitResult.InstrumentLimited;
        }
        return RateLimitResult.Allowed;
    }

    /// <summary><see cref="TryAcquire(long, Symbol, long, out long)"/> at the current <see cref="Stopwatch"/> time.</summary>
    public RateLimitResult TryAcquire(long key, Symbol symbol, out long retryAfterTicks) =>
        TryAcquire(key, symbol, Stopwatch.GetTimestamp(), out retryAfterTicks);

    /// <summary>Gives one key its own rate and burst (e.g. a tighter one for a noisy account).</summary>
    public void SetKeyLimit(long key, long ratePerSecond, long burst, long now)
    {
        var bucket = _keys.GetOrAdd(key, static (_, state) => new TokenBucket(state.Rate, state.Burst, state.Now), (Rate: ratePerSecond, Burst: burst, Now: now));
        bucket.Reconfigure(ratePerSecond, burst, now);
    }

    /// <summary>Caps the order rate of one instrument over all keys (e.g. after a Level 1 move alert).</summary>
    public void TightenInstrument(Symbol symbol, long ratePerSecond, long burst, long now)
    {
        var bucket = _instruments.GetOrAdd(symbol, static (_, state) => new TokenBucket(state.Rate, state.Burst, state.Now), (Rate: ratePerSecond, Burst: burst, Now: now));
        bucket.Reconfigure(ratePerSecond, burst, now);
    }

    /// <summary>Removes an instrument's cap.</summary>
    public void RelaxInstrument(Symbol symbol) => _instruments.TryRemove(symbol, out _);
}
