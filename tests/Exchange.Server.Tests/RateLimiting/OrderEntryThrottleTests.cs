using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Events;
using Exchange.Server.Configuration;
using Exchange.Server.Pipeline;
using Exchange.Server.RateLimiting;
using Exchange.Server.Tests.Gateways;

namespace Exchange.Server.Tests.RateLimiting;

public class OrderEntryThrottleTests
{
    private static Command Order(string symbol = "AAPL") => new() { Type = CommandType.NewOrder, Symbol = Symbol.Parse(symbol) };

    private static int Admitted(OrderEntryThrottle throttle, RecordingSession session, int attempts, string symbol = "AAPL") =>
        Enumerable.Range(0, attempts).Count(_ => throttle.Admit(session, Order(symbol)));

    [Fact]
    public void ShouldRefuseANoisyAccountBeyondItsBurstWithoutTouchingAnotherAccount()
    {
        var throttle = new OrderEntryThrottle(new RateLimitConfig { PerAccountPerSecond = 1, PerAccountBurst = 5 });
        var noisy = new RecordingSession(1, account: 1);
        var quiet = new RecordingSession(2, account: 2);
        Assert.Equal(5, Admitted(throttle, noisy, 50));
        Assert.Equal(5, Admitted(throttle, quiet, 5));
        Assert.Equal(45, throttle.Refused);
    }

    [Fact]
    public void ShouldShareTheAccountBucketBetweenItsSessionsAndLimitEachSessionToo()
    {
        var throttle = new OrderEntryThrottle(new RateLimitConfig
        {
            PerAccountPerSecond = 1, PerAccountBurst = 6, PerSessionPerSecond = 1, PerSessionBurst = 4,
        });
        var first = new RecordingSession(1, account: 7);
        var second = new RecordingSession(2, account: 7);
        Assert.Equal(4, Admitted(throttle, first, 10)); // its own session limit
        Assert.Equal(2, Admitted(throttle, second, 10)); // what is left of the account's burst
    }

    [Fact]
    public void ShouldCapAnInstrumentAfterALevel1AlertUntilItsTimeHasPassed()
    {
        var throttle = new OrderEntryThrottle(new RateLimitConfig { Level1PerSecond = 1, Level1Seconds = 10 });
        var session = new RecordingSession(1, account: 1);
        Assert.Equal(20, Admitted(throttle, session, 20));

        var alert = new OutboundSlot { Event = new EngineEvent { Type = EventType.Alert, Alert = AlertKind.MoveLevel1, Symbol = Symbol.Parse("AAPL"), Timestamp = 1_000_000_000 } };
        throttle.OnEvent(in alert);
        Assert.Equal(1, Admitted(throttle, session, 20));
        Assert.Equal(20, Admitted(throttle, session, 20, "MSFT")); // other instruments are not capped

        var later = new OutboundSlot { Event = new EngineEvent { Type = EventType.Accepted, Timestamp = 11_000_000_000 } };
        throttle.OnEvent(in later);
        Assert.Equal(20, Admitted(throttle, session, 20));
    }

    [Fact]
    public void ShouldAdmitEverythingWhenTheLimitsAreOff()
    {
        var throttle = new OrderEntryThrottle(new RateLimitConfig { PerAccountPerSecond = 0, Level1PerSecond = 0 });
        Assert.Equal(10_000, Admitted(throttle, new RecordingSession(1, 1), 10_000));
    }
}
