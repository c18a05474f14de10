using Exchange.MarketData.Itch;

namespace Exchange.MarketData.Tests;

public class ItchPriceTests
{
    [Fact]
    public void AnItchPriceBecomesTheEnginePriceTimesTenThousand()
    {
        Assert.Equal(Exchange.Core.Domain.Price.Parse("123.45"), ItchPrice.ToEngine(1_234_500));
        Assert.Equal(4_294_967_295L * 10_000, ItchPrice.ToEngine(uint.MaxValue));
        Assert.Equal(0, ItchPrice.ToEngine(0));
    }

    [Fact]
    public void AnEnginePriceWithFourDecimalsConvertsBackExactly()
    {
        Assert.True(ItchPrice.TryFromEngine(Exchange.Core.Domain.Price.Parse("0.0001"), out uint p));
        Assert.Equal(1u, p);
        Assert.True(ItchPrice.TryFromEngine(ItchPrice.ToEngine(uint.MaxValue), out p));
        Assert.Equal(uint.MaxValue, p);
    }

    [Fact]
    public void AnEnginePriceThatDoesNotFitIsRefusedNotRounded()
    {
        Assert.False(ItchPrice.TryFromEngine(Exchange.Core.Domain.Price.Parse("0.00001"), out _));
        Assert.False(ItchPrice.TryFromEngine(-10_000, out _));
        Assert.False(ItchPrice.TryFromEngine(ItchPrice.ToEngine(uint.MaxValue) + 10_000, out _));
    }
}
