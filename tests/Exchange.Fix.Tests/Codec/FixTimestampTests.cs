using System.Text;
using Exchange.Fix.Codec;

namespace Exchange.Fix.Tests.Codec;

public class FixTimestampTests
{
    private static long Nanos(DateTime utc) => (utc - DateTime.UnixEpoch).Ticks * 100;

    [Theory]
    [InlineData("19700101-00:00:00", 0L)]
    [InlineData("20261123-14:30:00.123", 1_795_444_200_123_000_000L)]
    [InlineData("20261123-14:30:00.123456", 1_795_444_200_123_456_000L)]
    [InlineData("20261123-14:30:00.123456789", 1_795_444_200_123_456_789L)]
    public void ParsesUtcTimestampsToNanoseconds(string text, long expected)
    {
        Assert.True(FixTimestamp.TryParse(Encoding.ASCII.GetBytes(text), out long nanos));
        Assert.Equal(expected, nanos);
        Assert.Equal(1_795_444_200_000_000_000L, Nanos(new DateTime(2026, 11, 23, 14, 30, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void AgreesWithTheBclForEveryDayItCanRepresent()
    {
        Span<byte> text = stackalloc byte[FixTimestamp.MillisecondLength];
        for (var day = new DateTime(1970, 1, 1, 13, 59, 58, 999, DateTimeKind.Utc); day.Year < 2262; day = day.AddDays(1))
        {
            Assert.True(FixTimestamp.TryFormatMilliseconds(Nanos(day), text));
            Assert.Equal(day.ToString("yyyyMMdd-HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture), Encoding.ASCII.GetString(text));
            Assert.True(FixTimestamp.TryParse(text, out long nanos));
            Assert.Equal(Nanos(day), nanos);
        }
    }

    [Fact]
    public void FormatsEveryMillisecondOfASecondAndJumpsBetweenSecondsLikeTheBcl()
    {
        // The formatter reuses the last second's text: check hits (same second) and misses (back and forth).
        Span<byte> text = stackalloc byte[FixTimestamp.MillisecondLength];
        var start = new DateTime(2026, 12, 31, 23, 59, 58, 0, DateTimeKind.Utc);
        var random = new Random(7);
        for (int i = 0; i < 5_000; i++)
        {
            var at = start.AddMilliseconds(random.Next(0, 4_000));
            Assert.True(FixTimestamp.TryFormatMilliseconds(Nanos(at) + random.Next(0, 1_000_000), text));
            Assert.Equal(at.ToString("yyyyMMdd-HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture), Encoding.ASCII.GetString(text));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("20261123 14:30:00")]
    [InlineData("20261123-14:30:00.")]
    [InlineData("20261123-14:30:00.12")]
    [InlineData("20261123-14:30:00,123")]
    [InlineData("20261123-24:00:00")]
    [InlineData("20261123-23:60:00")]
    [InlineData("20261123-23:59:61")]
    [InlineData("20261131-00:00:00")]
    [InlineData("20250229-00:00:00")]
    [InlineData("21000229-00:00:00")]
    [InlineData("20261323-00:00:00")]
    [InlineData("20261100-00:00:00")]
    [InlineData("19691231-23:59:59")]
    [InlineData("22620412-00:00:00")]
    [InlineData("22620411-23:47:16.854775808")]
    [InlineData("99991231-23:59:59")]
    [InlineData("2026112a-00:00:00")]
    public void RejectsMalformedOrOutOfRangeTimestamps(string text)
    {
        Assert.False(FixTimestamp.TryParse(Encoding.ASCII.GetBytes(text), out _));
    }

    [Fact]
    public void AcceptsLeapDaysAndLeapSeconds()
    {
        Assert.True(FixTimestamp.TryParse("20240229-12:00:00"u8, out _));
        Assert.True(FixTimestamp.TryParse("20000229-12:00:00"u8, out _));
        Assert.True(FixTimestamp.TryParse("20161231-23:59:60"u8, out _));
    }

    [Fact]
    public void ReachesTheLastRepresentableNanosecond()
    {
        Assert.True(FixTimestamp.TryParse("22620411-23:47:16.854775807"u8, out long last));
        Assert.Equal(long.MaxValue, last);
    }
}
