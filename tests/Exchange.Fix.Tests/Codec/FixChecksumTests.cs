using Exchange.Fix.Codec;

namespace Exchange.Fix.Tests.Codec;

public sealed class FixChecksumTests
{
    [Fact]
    public void ShouldEqualTheByteSumModulo256ForEveryLengthAndOffset()
    {
        // The vectorised sum takes 16 bytes at a time: every length around those blocks, at unaligned starts too.
        var random = new Random(11);
        var bytes = new byte[700];
        random.NextBytes(bytes);
        for (int offset = 0; offset < 17; offset++)
        {
            for (int length = 0; length + offset <= bytes.Length; length += length < 70 ? 1 : 37)
            {
                var span = bytes.AsSpan(offset, length);
                int expected = 0;
                foreach (byte b in span)
                {
                    expected = (expected + b) & 0xFF;
                }
                Assert.Equal(expected, FixChecksum.Compute(span));
            }
        }
    }
}
