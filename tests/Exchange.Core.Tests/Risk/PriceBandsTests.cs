using Exchange.Core.Domain;
using Exchange.Core.Matching;
using Exchange.Core.Risk;
using Exchange.Core.Tests.Matching;

namespace Exchange.Core.Tests.Risk;

public class PriceBandsTests
{
    [Theory]
    // Above 3.00: tier 1 ±5%, tier 2 ±10%.
    [InlineData("100.00", 1, "0.01", "95.00", "105.00")]
    [InlineData("100.00", 2, "0.01", "90.00", "110.00")]
    [InlineData("3.01", 1, "0.01", "2.86", "3.16")] // 0.1505 wide: rounded inwards to the tick
    [InlineData("250.37", 1, "0.01", "237.86", "262.88")]
    // 0.75 to 3.00 inclusive: ±20% whatever the tier.
    [InlineData("2.00", 1, "0.01", "1.60", "2.40")]
    [InlineData("2.00", 2, "0.01", "1.60", "2.40")]
    [InlineData("3.00", 1, "0.01", "2.40", "3.60")]
    [InlineData("0.75", 1, "0.0001", "0.60", "0.90")]
    // Below 0.75: the lesser of 0.15 or 75%.
    [InlineData("0.50", 1, "0.01", "0.35", "0.65")]
    [InlineData("0.10", 1, "0.0001", "0.025", "0.175")]
    [InlineData("0.7499", 1, "0.0001", "0.5999", "0.8999")]
    public void ShouldComputeTheBandOfEveryTier(string reference, int tier, string tick, string lower, string upper)
    {
        var (l, u) = PriceBands.For(Price.Parse(reference), tier, Price.Parse(tick));
        Assert.Equal((Price.Parse(lower), Price.Parse(upper)), (l, u));
    }

    [Theory]
    [InlineData("100.00", 1, "95.00", "105.00")]
    [InlineData("100.00", 2, "90.00", "110.00")]
    [InlineData("2.00", 1, "1.60", "2.40")]
    [InlineData("0.50", 1, "0.35", "0.65")]
    public void ShouldRejectOrdersOutsideTheBandOfTheDeclaredReference(string reference, int tier, string lower, string upper)
    {
        var d = RiskSetup.Engine(reference: reference);
        d.Limit(RiskLimit.InstrumentLuldTier, tier, symbol: EngineDriver.Symbol);
        long tick = Price.Parse("0.01");
        Assert.Equal((Price.Parse(lower), Price.Parse(upper)), d.Engine.GetPriceBands(Symbol.Parse(EngineDriver.Symbol)));

        Assert.Equal(["rejected PriceOutsideBand"], d.Buy(1, "b-out", Price.Format(Price.Parse(upper) + tick, 2), 1));
        Assert.Equal(["rejected PriceOutsideBand"], d.Sell(2, "s-out", Price.Format(Price.Parse(lower) - tick, 2), 1));
        Assert.Equal("accepted", d.Buy(1, "b-low", Price.Format(Price.Parse(lower) - tick, 2), 1)[0][..8]); // passive: fine
        Assert.Equal("accepted", d.Sell(2, "s-high", Price.Format(Price.Parse(upper) + tick, 2), 1)[0][..8]);
    }

    [Fact]
    public void ShouldUseTheMeanTradePriceOfTheLastFiveMinutesAsReference()
    {
        const long second = 1_000_000_000;
        var d = RiskSetup.Engine(reference: "100.00");
        var symbol = Symbol.Parse(EngineDriver.Symbol);
        d.Time = 1_000 * second;
        RiskSetup.Trade(d, "100.00", "t1");
        d.Time = 1_060 * second;
        RiskSetup.Trade(d, "102.00", "t2");
        Assert.Equal((Price.Parse("95.95"), Price.Parse("106.05")), d.Engine.GetPriceBands(symbol)); // mean 101.00

        d.AdvanceTo(1_299 * second);
        Assert.Equal((Price.Parse("95.95"), Price.Parse("106.05")), d.Engine.GetPriceBands(symbol));
        d.AdvanceTo(1_300 * second); // the 100.00 trade is 300 s old: out
        Assert.Equal((Price.Parse("96.90"), Price.Parse("107.10")), d.Engine.GetPriceBands(symbol)); // mean 102.00
        d.AdvanceTo(2_000 * second); // no trade in the window: the last reference stays
        Assert.Equal((Price.Parse("96.90"), Price.Parse("107.10")), d.Engine.GetPriceBands(symbol));
    }
}
