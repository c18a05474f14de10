using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Tests.Matching;

namespace Exchange.Core.Tests.Risk;

public class CircuitBreakerTests
{
    private const long Second = 1_000_000_000;
    private const long T0 = 1_000 * Second;

    [Fact]
    public void ShouldPauseFiveMinutesWhenTheBookIsPinnedAtTheBandForFifteenSeconds()
    {
        var d = RiskSetup.Engine(reference: "100.00"); // band 95.00-105.00
        d.Time = T0;
        Assert.Equal(["accepted #1", "alert LimitStateEntered"], d.Buy(1, "pin", "105.00", 1));

        Assert.Empty(d.AdvanceTo(T0 + 15 * Second - 1));
        Assert.Equal(["status Paused"], d.AdvanceTo(T0 + 15 * Second));
        Assert.Equal(TradingStatus.Paused, d.Book().Status);

        d.Time = T0 + 15 * Second + 300 * Second - 1;
        Assert.Equal(["rejected TradingPaused"], d.Buy(1, "late", "100.00", 1));
        Assert.Equal(["rejected TradingPaused"], d.Replace(1, "pin", "pin2", "104.00", 1));
        // Resumes at exactly pause start + 5 minutes; the bid still sits on the band, so the limit state starts again.
        Assert.Equal(["status Open", "alert LimitStateEntered"], d.AdvanceTo(T0 + 15 * Second + 300 * Second));
        Assert.Equal("accepted #2", d.Buy(1, "after", "100.00", 1)[0]);
    }

    [Fact]
    public void ShouldNotPauseWhenTheBookLeavesTheBandEdgeAtFourteenSeconds()
    {
        var d = RiskSetup.Engine(reference: "100.00");
        d.Time = T0;
        Assert.Equal(["accepted #1", "alert LimitStateEntered"], d.Sell(2, "pin", "95.00", 1));
        d.Time = T0 + 14 * Second;
        Assert.Equal(["cancelled #1 Requested 1", "alert LimitStateExited"], d.Cancel(2, "pin"));
        Assert.Empty(d.AdvanceTo(T0 + 20 * Second));
        Assert.Empty(d.AdvanceTo(T0 + 400 * Second));
        Assert.Equal(TradingStatus.Open, d.Book().Status);
    }

    [Fact]
    public void ShouldAllowCancelsDuringAPause()
    {
        var d = RiskSetup.Engine(reference: "100.00");
        d.Time = T0;
        d.Buy(1, "pin", "105.00", 1);
        d.Buy(1, "other", "99.00", 1);
        d.AdvanceTo(T0 + 15 * Second);
        Assert.Equal(["cancelled #2 Requested 1"], d.Cancel(1, "other"));
    }

    [Fact]
    public void ShouldAlertAtLevelOnePauseAtLevelTwoAndHaltAtLevelThree()
    {
        var d = RiskSetup.Engine(reference: null); // no bands until the first trade
        d.Limit(RiskLimit.InstrumentLuldTier, 0, symbol: EngineDriver.Symbol); // bands off: prices may jump
        d.Time = T0;
        RiskSetup.Trade(d, "100.00", "1");
        d.Time += Second;
        d.Sell(2, "s2", "105.00", 1);
        Assert.Equal("alert MoveLevel1", d.Buy(1, "b2", "105.00", 1)[^1]);
        d.Sell(2, "s3", "110.00", 1); // a 10% move is still level 1: nothing new
        Assert.DoesNotContain(d.Buy(1, "b3", "110.00", 1), e => e.StartsWith("alert", StringComparison.Ordinal));

        d.New(EngineDriver.Order(1, "stop", Side.Buy, null, 1, OrderType.Stop, stop: "200.00"));
        d.Buy(1, "resting", "90.00", 1);
        d.Sell(2, "s4", "110.01", 1);
        var events = d.Buy(1, "b4", "110.01", 1);
        Assert.Equal(["status Paused", "cancelled #7 CircuitBreaker 1"], events.TakeLast(2));
        Assert.Equal(["rejected TradingPaused"], d.Buy(1, "x", "100.00", 1));
        Assert.Single(d.Book().Bids); // the limit order stays

        // After the pause, a move above 20% halts and cancels every order of the instrument.
        Assert.Equal(["status Open"], d.AdvanceTo(d.Time + 300 * Second));
        d.Time += 1;
        RiskSetup.Trade(d, "105.00", "6"); // the earlier trades have left the window: it starts here
        d.Sell(2, "s5", "126.01", 1); // 20.01% up
        events = d.Buy(1, "b5", "126.01", 1);
        Assert.Equal("status Halted", events[^2]);
        Assert.Equal("cancelled #8 CircuitBreaker 1", events[^1]);
        Assert.Empty(d.Book().Bids);
        Assert.Empty(d.AdvanceTo(d.Time + 3_600 * Second)); // manual resume only
        Assert.Equal(["status Open"], d.Status(TradingStatus.Open));
    }

    [Fact]
    public void ShouldAlertOnAVolumeSpikeAndOnAnImbalance()
    {
        var d = RiskSetup.Engine(reference: "100.00");
        d.Limit(RiskLimit.InstrumentVolumeSpikeMultiple, 10, symbol: EngineDriver.Symbol);
        d.Time = T0;
        RiskSetup.Trade(d, "100.00", "1");
        d.Time = T0 + 120 * Second; // the first trade is now in the 4 minutes before the last one
        d.Sell(2, "big", "100.00", 3);
        Assert.Equal("alert VolumeSpike", d.Buy(1, "bbig", "100.00", 3)[^1]);

        d.Sell(2, "ask", "101.00", 10);
        d.Limit(RiskLimit.InstrumentImbalancePercent, 95, symbol: EngineDriver.Symbol);
        Assert.Equal(["accepted #6"], d.Buy(1, "bid1", "99.00", 1));
        Assert.Equal(["accepted #7", "alert Imbalance"], d.Buy(1, "bid2", "99.00", 300));
    }

    [Fact]
    public void ShouldHaltAndResumeEveryInstrumentMarketWide()
    {
        var d = RiskSetup.Engine();
        d.Instrument("MSFT", reference: "400.00");
        var events = EngineDriver.Describe(d.Send(new Command { Type = CommandType.SetStatus, Status = TradingStatus.Halted }));
        Assert.Equal(["status Halted", "status Halted"], events);
        Assert.Equal(["rejected InstrumentHalted"], d.Buy(1, "b", "100.00", 1));
        events = EngineDriver.Describe(d.Send(new Command { Type = CommandType.SetStatus, Status = TradingStatus.Open }));
        Assert.Equal(["status Open", "status Open"], events);
        Assert.Equal("accepted #1", d.Buy(1, "b", "100.00", 1)[0]);
    }
}
