using Exchange.MarketData.Mold;

namespace Exchange.MarketData.Tests;

public class MoldRequestTests
{
    [Fact]
    public void ARequestHasTheSpecLayoutAndRoundTrips()
    {
        var request = new MoldRequest(MoldSession.Create("ABC"), 1_000, 25);
        var buffer = new byte[MoldRequest.Size];
        request.Write(buffer);
        Assert.Equal(Hex.Format(Hex.Parse("41424320202020202020 00000000000003E8 0019")), Hex.Format(buffer));
        Assert.True(MoldRequest.TryRead(buffer, out var back));
        Assert.Equal(request, back);
    }

    [Fact]
    public void ARequestOfTheWrongSizeIsRejected()
    {
        Assert.False(MoldRequest.TryRead(new byte[19], out _));
        Assert.False(MoldRequest.TryRead(new byte[21], out _));
        Assert.False(MoldSession.TryCreate("ELEVENCHARS", out _));
    }
}
