using Exchange.Core.Domain;
using Exchange.Core.Matching;
using Exchange.Core.Tests.Matching;

namespace Exchange.Core.Tests.Risk;

public class AccountTests
{
    [Fact]
    public void ShouldHoldCashForABuyAndReleaseItOnCancel()
    {
        var d = RiskSetup.Engine();
        d.Buy(1, "b", "100.00", 10);
        Assert.Equal("1000000.00/1000.00", d.Cash(1));
        d.Cancel(1, "b");
        Assert.Equal("1000000.00/0.00", d.Cash(1));
    }

    [Fact]
    public void ShouldHoldPositionForASellAndReleaseItOnExpiry()
    {
        var d = RiskSetup.Engine();
        d.New(EngineDriver.Order(2, "s", Side.Sell, "101.00", 10, tif: TimeInForce.Day));
        Assert.Equal("1000/10", d.Position(2));
        d.EndOfDay();
        Assert.Equal("1000/0", d.Position(2));
    }

    [Fact]
    public void ShouldConvertHoldsOnFillsAndChargeMakerAndTakerFees()
    {
        var d = RiskSetup.Engine();
        d.Limit(RiskLimit.AccountMakerFeeBps, 2, account: 2);
        d.Limit(RiskLimit.AccountTakerFeeBps, 5, account: 1);
        d.Sell(2, "s", "100.00", 4);
        Assert.Equal(["accepted #2", "trade 100.00 x4 #2<-#1"], d.Buy(1, "b", "100.00", 10));

        // Buyer (taker): 400.00 + 0.20 fee (5 bps); the rest (6) holds 600.00 + 0.30 fee + 6 units of 10^-8 (one per lot).
        Assert.Equal("999599.80/600.30000006", d.Cash(1));
        Assert.Equal("4/0", d.Position(1));
        // Seller (maker): 400.00 - 0.08 fee (2 bps).
        Assert.Equal("1000399.92/0.00", d.Cash(2));
        Assert.Equal("996/0", d.Position(2));
        Assert.Equal(Price.Parse("0.28"), d.Engine.GetFeesCollected(Currency.Default));
    }

    [Theory]
    [InlineData(1, 1, 1)] // 0.0001 units rounds up to 1
    [InlineData(10_000, 5, 5)]
    [InlineData(10_001, 5, 6)] // 5.0005 rounds up
    [InlineData(0, 1000, 0)]
    [InlineData(long.MaxValue, 1000, 922_337_203_685_477_581)] // no overflow
    public void ShouldRoundFeesUpInTheVenuesFavour(long notional, int bps, long fee) =>
        Assert.Equal(fee, MatchingEngine.Fee(notional, bps));

    [Fact]
    public void ShouldReholdOnReplace()
    {
        var d = RiskSetup.Engine();
        d.Buy(1, "b", "100.00", 10);
        d.Replace(1, "b", "b2", "100.00", 20);
        Assert.Equal("1000000.00/2000.00", d.Cash(1));
        d.Replace(1, "b2", "b3", "99.00", 20);
        Assert.Equal("1000000.00/1980.00", d.Cash(1));
        Assert.Equal(["rejected InsufficientFunds"], d.Replace(1, "b3", "b4", "100.00", 10_001));
        Assert.Equal("1000000.00/1980.00", d.Cash(1));
    }

    [Fact]
    public void ShouldHoldAMarketBuyAgainstTheCollarAndSettleAtTradePrices()
    {
        var d = RiskSetup.Engine(); // reference 100.00, collar 5%: a market buy holds at 105.00
        d.Sell(2, "s", "100.00", 4);
        Assert.Equal(["rejected InsufficientFunds"], d.Market(3, "m0", Side.Buy, 1));
        Assert.Equal(["accepted #2", "trade 100.00 x4 #2<-#1", "cancelled #2 NoLiquidity 6"], d.Market(1, "m", Side.Buy, 10));
        Assert.Equal("999600.00/0.00", d.Cash(1));
    }

    [Fact]
    public void ShouldDepositAndWithdrawOnlyWhatIsAvailable()
    {
        var d = RiskSetup.Engine();
        d.Buy(1, "b", "100.00", 10);
        Assert.Equal(["rejected InvalidOperatorCommand"], d.Withdraw(1, "999000.01"));
        Assert.Equal(["balance -99900000000000"], d.Withdraw(1, "999000.00"));
        Assert.Equal("1000.00/1000.00", d.Cash(1));
        d.Sell(2, "s", "101.00", 1000); // holds the whole position
        Assert.Equal(["rejected InvalidOperatorCommand"], d.Withdraw(2, "1", symbol: "AAPL"));
        Assert.Equal(["balance 500000000"], d.Deposit(3, "5", currency: "EUR"));
        Assert.Equal("5.00/0.00", d.Cash(3, "EUR"));
        Assert.Equal(["rejected InvalidOperatorCommand"], d.Deposit(3, "0"));
        Assert.Equal(["rejected UnknownSymbol"], d.Deposit(3, "1", symbol: "NOPE"));
    }

    [Fact]
    public void ShouldSettleInTheInstrumentsCurrency()
    {
        var d = RiskSetup.Engine();
        d.Send(new Commands.Command
        {
            Type = Commands.CommandType.AddInstrument, Symbol = Symbol.Parse("SAP"), TickSize = Price.Parse("0.01"), LotSize = 1,
            MinQuantity = 1, MaxQuantity = 1000, Price = Price.Parse("200.00"), Currency = Currency.Parse("EUR"),
        });
        Assert.Equal(["rejected InsufficientFunds"], d.Buy(1, "b", "200.00", 1, symbol: "SAP")); // USD does not pay for EUR
        d.Deposit(1, "1000", currency: "EUR");
        d.Deposit(2, "10", symbol: "SAP");
        d.Sell(2, "s", "200.00", 1, symbol: "SAP");
        d.Buy(1, "b", "200.00", 1, symbol: "SAP");
        Assert.Equal("800.00/0.00", d.Cash(1, "EUR"));
        Assert.Equal("1000000.00/0.00", d.Cash(1));
        Assert.Equal("200.00/0.00", d.Cash(2, "EUR"));
    }
}
