using Exchange.Journal.Format;

namespace Exchange.Journal.Tests.Format;

public class SegmentNameTests
{
    [Fact]
    public void ShouldWriteTheFirstSequenceInTwentyDigits()
    {
        Assert.Equal("journal-00000000000000000001.seg", SegmentName.Format(1));
        Assert.True(SegmentName.TryParse(SegmentName.Format(long.MaxValue), out long parsed));
        Assert.Equal(long.MaxValue, parsed);
    }

    [Theory]
    [InlineData("journal-1.seg")]
    [InlineData("journal-0000000000000000000a.seg")]
    [InlineData("journal-00000000000000000001.log")]
    [InlineData("journal-99999999999999999999.seg")]
    public void ShouldRejectMalformedNames(string name) => Assert.False(SegmentName.TryParse(name, out _));
}
