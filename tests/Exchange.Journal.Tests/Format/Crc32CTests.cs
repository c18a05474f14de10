using Exchange.Journal.Format;

namespace Exchange.Journal.Tests.Format;

public class Crc32CTests
{
    [Fact]
    public void ShouldMatchTheStandardCheckValue() =>
        Assert.Equal(0xE3069283u, Crc32C.Compute(System.Text.Encoding.ASCII.GetBytes("123456789")));

    [Fact]
    public void ShouldMatchTheIscsiTestVectorOf32Zeros() =>
        Assert.Equal(0x8A9136AAu, Crc32C.Compute(new byte[32]));
}
