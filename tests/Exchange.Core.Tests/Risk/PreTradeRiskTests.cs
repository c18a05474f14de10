using Exchange.Core.Domain;
using Exchange.Core.Tests.Matching;

namespace Exchange.Core.Tests.Risk;

public class PreTradeRiskTests
{
    [Fact]
    public void ShouldRejectWhatTheAccountCannotPayOrDeliver()
    {
        var d = RiskSetup.Engine();
        d.Deposit(3, "100");
        Assert.Equal(["rejected InsufficientFunds"], d.Buy(3, "b", "100.00", 2));
        Assert.Equal("accepted #1", d.Buy(3, "b", "100.00", 1)[0]);
        Assert.Equal(["rejected InsufficientPosition"], d.Sell(3, "s", "101.00", 1));
        Assert.Equal(["rejected InsufficientPosition"], d.Sell(2, "s", "101.00", 1001));
        Assert.Equal(["rejected InsufficientFunds"], d.Buy(4, "b", "100.00", 1)); // never funded
    }

    [Fact]
    public void ShouldAllowShortSalesUpToTheAccountsLimit()
    {
        var d = RiskSetup.Engine();
        d.Limit(RiskLimit.AccountShortSellLimit, 50, account: 2);
        Assert.Equal("accepted #1", d.Sell(2, "s1", "101.00", 1000)[0]);
        Assert.Equal("accepted #2", d.Sell(2, "s2", "101.00", 50)[0]);
        Assert.Equal(["rejected InsufficientPosition"], d.Sell(2, "s3", "101.00", 1));
        d.Buy(1, "b", "101.00", 1050);
        Assert.Equal("-50/0", d.Position(2));
    }

    [Theory]
    [InlineData(RiskLimit.AccountMaxOrderQuantity, 5, true, "100.00", 6, RejectReason.OrderQuantityLimit)]
    [InlineData(RiskLimit.InstrumentMaxOrderQuantity, 5, false, "100.00", 6, RejectReason.OrderQuantityLimit)]
    [InlineData(RiskLimit.AccountMaxOrderNotional, 50_000_000_000, true, "100.00", 6, RejectReason.OrderNotionalLimit)]
    [InlineData(RiskLimit.InstrumentMaxOrderNotional, 50_000_000_000, false, "100.00", 6, RejectReason.OrderNotionalLimit)]
    [InlineData(RiskLimit.InstrumentPriceBandBps, 200, false, "102.01", 1, RejectReason.FatFingerPrice)]
    [InlineData(RiskLimit.AccountCreditLimit, 50_000_000_000, true, "100.00", 6, RejectReason.CreditLimit)]
    public void ShouldRejectOrdersBeyondALimitAndAcceptThoseAtIt(RiskLimit limit, long value, bool ofAccount, string price, long quantity,
        RejectReason reason)
    {
        var d = RiskSetup.Engine();
        Assert.Equal([$"limit {limit} {value}"], ofAccount ? d.Limit(limit, value, account: 1) : d.Limit(limit, value, symbol: EngineDriver.Symbol));
        Assert.Equal([$"rejected {reason}"], d.Buy(1, "over", price, quantity));
        Assert.Equal("accepted #1", d.Buy(1, "at", reason == RejectReason.FatFingerPrice ? "102.00" : price, quantity - 1 > 0 ? quantity - 1 : 1)[0]);
    }

    [Fact]
    public void ShouldLimitOpenOrders()
    {
        var d = RiskSetup.Engine();
        d.Limit(RiskLimit.AccountMaxOpenOrders, 2, account: 1);
        d.Buy(1, "a", "99.00", 1);
        d.Buy(1, "b", "99.00", 1);
        Assert.Equal(["rejected OpenOrderLimit"], d.Buy(1, "c", "99.00", 1));
        d.Cancel(1, "a");
        Assert.Equal("accepted #3", d.Buy(1, "c", "99.00", 1)[0]);
    }

    [Fact]
    public void ShouldRejectAMarketBuyWithNothingToHoldAgainst()
    {
        var d = RiskSetup.Engine(reference: null, collarBps: 0);
        Assert.Equal(["rejected NoPriceProtection"], d.Market(1, "m", Side.Buy, 1));
        // A stop buy holds at the tier-1 band above its stop price (105.00) when there is no collar ...
        Assert.Equal("accepted #1", d.New(EngineDriver.Order(1, "st", Side.Buy, null, 1, OrderType.Stop, stop: "100.00"))[0]);
        Assert.Equal("1000000.00/105.00", d.Cash(1));
        // ... and with bands off there is nothing.
        d.Limit(RiskLimit.InstrumentLuldTier, 0, symbol: EngineDriver.Symbol);
        Assert.Equal(["rejected NoPriceProtection"], d.New(EngineDriver.Order(1, "st2", Side.Buy, null, 1, OrderType.Stop, stop: "100.00")));
    }

    [Fact]
    public void ShouldRejectInvalidOperatorCommands()
    {
        var d = RiskSetup.Engine();
        Assert.Equal(["rejected InvalidOperatorCommand"], d.EnableRisk()); // already on
        Assert.Equal(["rejected InvalidOperatorCommand"], d.Limit(RiskLimit.AccountTakerFeeBps, 1001, account: 1));
        Assert.Equal(["rejected InvalidOperatorCommand"], d.Limit(RiskLimit.AccountMaxOrderQuantity, 5, symbol: EngineDriver.Symbol));
        Assert.Equal(["rejected InvalidOperatorCommand"], d.Limit(RiskLimit.InstrumentLuldTier, 3, symbol: EngineDriver.Symbol));
        Assert.Equal(["rejected UnknownSymbol"], d.Limit(RiskLimit.InstrumentLuldTier, 1, symbol: "NOPE"));
        Assert.Equal(["rejected InvalidOperatorCommand"], d.Kill(0));
    }

    [Fact]
    public void ShouldOnlyEnableRiskWhileNoOrderIsLive()
    {
        var d = new EngineDriver();
        d.Buy(1, "b", "100.00", 1);
        Assert.Equal(["rejected InvalidOperatorCommand"], d.EnableRisk());
        d.Cancel(1, "b");
        Assert.Equal(["risk on"], d.EnableRisk());
        Assert.True(d.Engine.RiskEnabled);
    }

    [Fact]
    public void ShouldBlockAndCancelEverythingWithTheKillSwitchAndUnblock()
    {
        var d = RiskSetup.Engine();
        d.Buy(1, "a", "99.00", 1);
        d.New(EngineDriver.Order(1, "st", Side.Buy, "100.00", 1, OrderType.StopLimit, stop: "101.00"));
        d.Sell(2, "s", "102.00", 1);
        Assert.Equal(["cancelled #1 KillSwitch 1", "cancelled #2 KillSwitch 1", "alert KillSwitch"], d.Kill(1));
        Assert.True(d.Engine.IsBlocked(1));
        Assert.Equal("1000000.00/0.00", d.Cash(1));
        Assert.Equal(["rejected AccountBlocked"], d.Buy(1, "b", "99.00", 1));
        Assert.Single(d.Book().Asks); // other accounts untouched
        Assert.Equal(["alert KillSwitch"], d.Kill(1, on: false));
        Assert.Equal("accepted #4", d.Buy(1, "b", "99.00", 1)[0]);
    }

    [Fact]
    public void ShouldApplyTheKillSwitchWithRiskOff()
    {
        var d = new EngineDriver();
        d.Buy(7, "a", "99.00", 1);
        Assert.Equal(["cancelled #1 KillSwitch 1", "alert KillSwitch"], d.Kill(7));
        Assert.Equal(["rejected AccountBlocked"], d.Buy(7, "b", "99.00", 1));
    }
}
