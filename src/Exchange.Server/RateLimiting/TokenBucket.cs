using System.Diagnostics;

namespace Exchange.Server.RateLimiting;

/// <summary>A token bucket: holds up to <see cref="Burst"/> tokens, refilled continuously at <see cref="RatePerSecond"/>;
/// each request takes one. Time is <see cref="Stopwatch"/> ticks passed in by the caller (tests drive it). Thread-safe
/// (one small lock per bucket, so one busy bucket never delays another); allocation-free after construction. Tokens are
/// counted in millionths so slow rates refill smoothly in integer arithmetic.</summary>
public sealed class TokenBucket
{
    private const long Scale = 1_000_000;

    private readonly Lock _lock = new();
    private long _ratePerSecond;
    private long _burst;
    private long _scaledTokens;
    private long _lastRefill;
    private long _carry;

    /// <summary>A full bucket at <paramref name="now"/>.</summary>
    public TokenBucket(long ratePerSecond, long burst, long now)
    {
        Validate(ratePerSecond, burst);
        _ratePerSecond = ratePerSecond;
        _burst = burst;
        _scaledTokens = burst * Scale;
        _lastRefill = now;
    }

    public long RatePerSecond => Volatile.Read(ref _ratePerSecond);

    public long Burst => Volatile.Read(ref _burst);

    /// <summary>Takes one token if there is one. Otherwise false, and <paramref name="retryAfterTicks"/> says how long
    /// until the next token (Stopwatch ticks).</summary>
    public bool TryTake(long now, out long retryAfterTicks)
    {
        lock (_lock)
        {
            Refill(now);
            if (_scaledTokens >= Scale)
            {
                _scaledTokens -= Scale;
                retryAfterTicks = 0;
                return true;
            }
            long missing = Scale - _scaledTokens;
            // ticks = missing / (rate * Scale) seconds, rounded up.
            retryAfterTicks = (long)(((Int128)missing * Stopwatch.Frequency + (Int128)_ratePerSecond * Scale - 1) / ((Int128)_ratePerSecond * Scale));
            return false;
        }
    }

    /// <summary>Changes the rate and burst (e.g. tightening after a Level 1 alert); tokens above the new burst are dropped.</summary>
    public void Reconfigure(long ratePerSecond, long burst, long now)
    {
        Validate(ratePerSecond, burst);
        lock (_lock)
        {
            Refill(now);
            Volatile.Write(ref _ratePerSecond, ratePerSecond);
            Volatile.Write(ref _burst, burst);
            _scaledTokens = Math.Min(_scaledTokens, burst * Scale);
        }
    }

    private void Refill(long now)
    {
        long elapsed = now - _lastRefill;
        if (elapsed <= 0)
        {
            return;
        }
        _lastRefill = now;
        long capacity = _burst * Scale;
        // The fraction of a scaled token that did not make a whole one is carried, so many short intervals refill
        // exactly as much as one long one.
        Int128 total = (Int128)elapsed * _ratePerSecond * Scale + _carry;
        Int128 added = total / Stopwatch.Frequency;
        if (added >= capacity - _scaledTokens)
        {
            _scaledTokens = capacity;
            _carry = 0;
            return;
        }
        _scaledTokens += (long)added;
        _carry = (long)(total % Stopwatch.Frequency);
    }

    private static void Validate(long ratePerSecond, long burst)
    {
        if (ratePerSecond <= 0 || burst <= 0 || burst > long.MaxValue / Scale)
        {
            throw new ArgumentOutOfRangeException(nameof(ratePerSecond), "Rate and burst must be positive.");
        }
    }
}
