using System.Text;
using Exchange.Fix.Codec;

namespace Exchange.Fix.Tests.Codec;

public class FixValueTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("123", 123L)]
    [InlineData("-45", -45L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void ParsesIntegers(string text, long expected)
    {
        Assert.True(FixValue.TryParseLong(Encoding.ASCII.GetBytes(text), out long value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("+1")]
    [InlineData("1 ")]
    [InlineData("1.0")]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("99999999999999999999")]
    public void RejectsNonIntegers(string text)
    {
        Assert.False(FixValue.TryParseLong(Encoding.ASCII.GetBytes(text), out _));
    }

    [Fact]
    public void RejectsIntegersOutsideInt32ForInt()
    {
        Assert.True(FixValue.TryParseInt("2147483647"u8, out int max));
        Assert.Equal(int.MaxValue, max);
        Assert.False(FixValue.TryParseInt("2147483648"u8, out _));
    }

    [Theory]
    [InlineData("100", 10_000_000_000L)]
    [InlineData("123.45", 12_345_000_000L)]
    [InlineData("-0.5", -50_000_000L)]
    [InlineData(".5", 50_000_000L)]
    [InlineData("0.00000001", 1L)]
    [InlineData("92233720368.54775807", long.MaxValue)]
    public void ParsesDecimalsExactlyAsFixedPoint(string text, long expected)
    {
        Assert.True(FixValue.TryParseFixedPoint(Encoding.ASCII.GetBytes(text), out long value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("1.")]
    [InlineData("0.000000001")]
    [InlineData("1e5")]
    [InlineData("1,000")]
    [InlineData("92233720368.54775808")]
    [InlineData("92233720369")]
    public void RejectsDecimalsThatAreNotExact(string text)
    {
        Assert.False(FixValue.TryParseFixedPoint(Encoding.ASCII.GetBytes(text), out _));
    }

    [Fact]
    public void ParsesBooleansAsYOrN()
    {
        Assert.True(FixValue.TryParseBool("Y"u8, out bool yes) && yes);
        Assert.True(FixValue.TryParseBool("N"u8, out bool no) && !no);
        Assert.False(FixValue.TryParseBool("y"u8, out _));
        Assert.False(FixValue.TryParseBool("YES"u8, out _));
    }
}
