using Exchange.Core.Domain;

namespace Exchange.Core.Tests.Domain;

public class PriceTests
{
    [Theory]
    [InlineData("100", 10_000_000_000L)]
    [InlineData("100.25", 10_025_000_000L)]
    [InlineData("0.00000001", 1L)]
    [InlineData("-0.5", -50_000_000L)]
    [InlineData("+1.5", 150_000_000L)]
    [InlineData(".5", 50_000_000L)]
    [InlineData("92233720368.54775807", long.MaxValue)]
    public void ShouldParseDecimalTextExactly(string text, long expected)
    {
        Assert.True(Price.TryParse(text, out long value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.")]
    [InlineData("1.000000001")]
    [InlineData("1e5")]
    [InlineData("1,000")]
    [InlineData("abc")]
    [InlineData("-")]
    [InlineData("92233720369")]
    [InlineData("92233720368.54775808")]
    [InlineData("99999999999999999999")]
    public void ShouldRefuseTextItCannotRepresentExactly(string text) => Assert.False(Price.TryParse(text, out _));

    [Theory]
    [InlineData(10_025_000_000L, 2, "100.25")]
    [InlineData(10_000_000_000L, 2, "100.00")]
    [InlineData(10_000_000_000L, 0, "100")]
    [InlineData(10_012_345_678L, 2, "100.12345678")]
    [InlineData(-50_000_000L, 0, "-0.5")]
    [InlineData(long.MinValue, 0, "-92233720368.54775808")]
    public void ShouldFormatWithTheMinimumDecimals(long value, int decimals, string expected) =>
        Assert.Equal(expected, Price.Format(value, decimals));

    [Fact]
    public void ShouldRoundTripEveryFormattedValue()
    {
        var random = new Random(7);
        for (int i = 0; i < 10_000; i++)
        {
            long value = random.NextInt64(-1_000_000_000_000, 1_000_000_000_000);
            Assert.True(Price.TryParse(Price.Format(value), out long back));
            Assert.Equal(value, back);
        }
    }

    [Theory]
    [InlineData("0.01", 2)]
    [InlineData("0.05", 2)]
    [InlineData("1", 0)]
    [InlineData("0.0001", 4)]
    public void ShouldCountTheDecimalsOfATick(string tick, int decimals) =>
        Assert.Equal(decimals, Price.DecimalsOf(Price.Parse(tick)));
}
