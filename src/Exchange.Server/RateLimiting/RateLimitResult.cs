namespace Exchange.Server.RateLimiting;

/// <summary>What <see cref="OrderRateLimiter.TryAcquire(long, Core.Domain.Symbol, long, out long)"/> decided. A refused
/// request never reaches the engine: the gateway answers with its own typed reject (binary: its RateLimited reason;
/// FIX: a reject with that text; HTTP: 429 with Retry-After).</summary>
public enum RateLimitResult : byte
{
    Allowed = 0,
    /// <summary>The account's (or session's) bucket is empty.</summary>
    AccountLimited = 1,
    /// <summary>The instrument's bucket is empty (a tightened instrument, e.g. after a Level 1 alert).</summary>
    InstrumentLimited = 2,
}
