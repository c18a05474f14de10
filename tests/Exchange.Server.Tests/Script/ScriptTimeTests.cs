using Exchange.Server.Script;

namespace Exchange.Server.Tests.Script;

public sealed class ScriptTimeTests
{
    [Theory]
    [InlineData("1970-01-01T00:00:00Z", 0L)]
    [InlineData("1970-01-01T00:00:01.5Z", 1_500_000_000L)]
    [InlineData("1970-01-01T00:00:00.000000001Z", 1L)]
    [InlineData("2262-04-11T23:47:16.854775807Z", long.MaxValue)]
    public void IsoUtcTimesBecomeNanosecondsSinceTheEpoch(string text, long expected)
    {
        Assert.True(ScriptTime.TryParseIso(text, out long nanos));
        Assert.Equal(expected, nanos);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1970-01-01T00:00:00")]
    [InlineData("1970-01-01T00:00:00.Z")]
    [InlineData("1970-01-01T00:00:00,5Z")]
    [InlineData("1970-01-01t00:00:00Z")]
    [InlineData("1970-01-01T00:00:00.1234567890Z")]
    [InlineData("2262-04-11T23:47:16.854775808Z")]
    [InlineData("1969-12-31T23:59:59.999999999Z")]
    public void OtherTextIsNotATime(string text) => Assert.False(ScriptTime.TryParseIso(text, out _));
}
