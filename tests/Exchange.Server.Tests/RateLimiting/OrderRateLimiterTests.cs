using System.Diagnostics;
using Exchange.Core.Domain;
using Exchange.Server.RateLimiting;

namespace Exchange.Server.Tests.RateLimiting;

public class OrderRateLimiterTests
{
    private static readonly long Second = Stopwatch.Frequency;
    private static readonly Symbol Aapl = Symbol.Parse("AAPL");

    [Fact]
    public void ShouldAllowTheBurstThenRefuseUntilTokensRefill()
    {
        var bucket = new TokenBucket(ratePerSecond: 10, burst: 3, now: 0);
        Assert.True(bucket.TryTake(0, out _));
        Assert.True(bucket.TryTake(0, out _));
        Assert.True(bucket.TryTake(0, out _));
        Assert.False(bucket.TryTake(0, out long retry));
        Assert.Equal(Second / 10, retry); // one token every 100 ms
        Assert.False(bucket.TryTake(Second / 10 - 1, out _));
        Assert.True(bucket.TryTake(Second / 10, out _));
        Assert.True(bucket.TryTake(Second * 3600, out _)); // a long idle time refills only up to the burst
        Assert.True(bucket.TryTake(Second * 3600, out _));
        Assert.True(bucket.TryTake(Second * 3600, out _));
        Assert.False(bucket.TryTake(Second * 3600, out _));
    }

    [Fact]
    public void ShouldLimitEachAccountSeparately()
    {
        var limiter = new OrderRateLimiter(ratePerSecond: 1, burst: 2);
        Assert.Equal(RateLimitResult.Allowed, limiter.TryAcquire(1, Aapl, 0, out _));
        Assert.Equal(RateLimitResult.Allowed, limiter.TryAcquire(1, Aapl, 0, out _));
        Assert.Equal(RateLimitResult.AccountLimited, limiter.TryAcquire(1, Aapl, 0, out long retry));
        Assert.Equal(Second, retry);
        Assert.Equal(RateLimitResult.Allowed, limiter.TryAcquire(2, Aapl, 0, out _)); // the noisy account 1 costs account 2 nothing
    }

    [Fact]
    public void ShouldTightenAndRelaxAnInstrumentAndAnAccount()
    {
        var limiter = new OrderRateLimiter(ratePerSecond: 1_000, burst: 1_000);
        limiter.TightenInstrument(Aapl, ratePerSecond: 1, burst: 1, now: 0);
        Assert.Equal(RateLimitResult.Allowed, limiter.TryAcquire(1, Aapl, 0, out _));
        Assert.Equal(RateLimitResult.InstrumentLimited, limiter.TryAcquire(2, Aapl, 0, out _)); // shared by all accounts
        Assert.Equal(RateLimitResult.Allowed, limiter.TryAcquire(2, Symbol.Parse("MSFT"), 0, out _));
        limiter.RelaxInstrument(Aapl);
        Assert.Equal(RateLimitResult.Allowed, limiter.TryAcquire(2, Aapl, 0, out _));

        limiter.SetKeyLimit(3, ratePerSecond: 1, burst: 1, now: 0);
        Assert.Equal(RateLimitResult.Allowed, limiter.TryAcquire(3, Aapl, 0, out _));
        Assert.Equal(RateLimitResult.AccountLimited, limiter.TryAcquire(3, Aapl, 0, out _));
    }

    [Fact]
    public void ShouldNeverHandOutMoreThanTheBurstPlusTheRefillUnderConcurrency()
    {
        var bucket = new TokenBucket(ratePerSecond: 1, burst: 1_000, now: 0);
        int taken = 0;
        Parallel.For(0, 8, _ =>
        {
            for (int i = 0; i < 10_000; i++)
            {
                if (bucket.TryTake(i, out _)) // less than a second of ticks: at most one refilled token
                {
                    Interlocked.Increment(ref taken);
                }
            }
        });
        Assert.InRange(taken, 1_000, 1_001);
    }

    [Fact]
    public void ShouldNotAllocateOnceTheAccountsBucketExists()
    {
        var limiter = new OrderRateLimiter(ratePerSecond: 1_000_000, burst: 1_000_000);
        limiter.TightenInstrument(Aapl, 1_000_000, 1_000_000, 0);
        limiter.TryAcquire(1, Aapl, 0, out _);
        // The fewest bytes of five rounds: the runtime may allocate on this thread once (a method tiering up mid-round,
        // 6,672 bytes once on a loaded machine); an allocation per call shows in every round.
        long fewest = long.MaxValue;
        for (int round = 0; round < 5 && fewest != 0; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10_000; i++)
            {
                limiter.TryAcquire(1, Aapl, (round * 10_000) + i, out _);
            }
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        Assert.Equal(0, fewest);
    }
}
