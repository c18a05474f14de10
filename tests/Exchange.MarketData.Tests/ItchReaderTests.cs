using Exchange.MarketData.Itch;

namespace Exchange.MarketData.Tests;

public class ItchReaderTests
{
    private static readonly ItchHeader Header = new(1, 0, 42);

    private static byte[] Framed(bool zeroPrefix, params byte[][] messages)
    {
        var stream = new MemoryStream();
        foreach (var m in messages)
        {
            int length = zeroPrefix ? 0 : m.Length;
            stream.WriteByte((byte)(length >> 8));
            stream.WriteByte((byte)length);
            stream.Write(m);
        }
        return stream.ToArray();
    }

    private static byte[] Delete(ulong reference)
    {
        var b = new byte[OrderDelete.Size];
        new OrderDelete(Header, reference).Write(b);
        return b;
    }

    private static byte[] Cancel(ulong reference, uint shares)
    {
        var b = new byte[OrderCancel.Size];
        new OrderCancel(Header, reference, shares).Write(b);
        return b;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ReadsMessagesWithEitherAZeroOrARealLengthPrefix(bool zeroPrefix)
    {
        var reader = new ItchReader(Framed(zeroPrefix, Delete(1), Cancel(2, 3)));
        Assert.Equal(ItchReadStatus.Message, reader.Read(out var first));
        Assert.True(OrderDelete.TryRead(first, out var d));
        Assert.Equal(1UL, d.OrderReference);
        Assert.Equal(ItchReadStatus.Message, reader.Read(out var second));
        Assert.True(OrderCancel.TryRead(second, out var x));
        Assert.Equal(3u, x.CancelledShares);
        Assert.Equal(ItchReadStatus.End, reader.Read(out _));
        Assert.Equal(ItchReadStatus.End, reader.Read(out _));
    }

    [Fact]
    public void ATornTailIsReportedAsTruncatedAtTheMessageThatDidNotFit()
    {
        var data = Framed(false, Delete(1), Delete(2));
        var reader = new ItchReader(data.AsSpan(0, data.Length - 1));
        Assert.Equal(ItchReadStatus.Message, reader.Read(out _));
        Assert.Equal(ItchReadStatus.Truncated, reader.Read(out var m));
        Assert.True(m.IsEmpty);
        Assert.Equal(2 + OrderDelete.Size, reader.Position);
        Assert.Equal(ItchReadStatus.Truncated, reader.Read(out _));
    }

    [Fact]
    public void AnUnknownTypeWithALengthIsSkippedAndWithoutOneStopsTheReader()
    {
        byte[] unknown = [(byte)'Z', 1, 2, 3];
        var reader = new ItchReader(Framed(false, unknown, Delete(7)));
        Assert.Equal(ItchReadStatus.UnknownType, reader.Read(out var skipped));
        Assert.Equal(4, skipped.Length);
        Assert.Equal(ItchReadStatus.Message, reader.Read(out _));

        var unframed = new ItchReader(Framed(true, unknown, Delete(7)));
        Assert.Equal(ItchReadStatus.Unsynchronized, unframed.Read(out _));
        Assert.Equal(0, unframed.Position);
    }

    [Fact]
    public void APrefixThatDisagreesWithTheTypeIsReportedAndTrusted()
    {
        var padded = new byte[OrderDelete.Size + 2];
        Delete(9).CopyTo(padded, 0);
        var reader = new ItchReader(Framed(false, padded, Delete(10)));
        Assert.Equal(ItchReadStatus.LengthMismatch, reader.Read(out var m));
        Assert.Equal(padded.Length, m.Length);
        Assert.Equal(ItchReadStatus.Message, reader.Read(out var next));
        Assert.True(OrderDelete.TryRead(next, out var d));
        Assert.Equal(10UL, d.OrderReference);
    }

    [Fact]
    public void RandomGarbageNeverThrowsAndAlwaysMakesProgressOrStops()
    {
        var random = new Random(20101224);
        for (int round = 0; round < 2_000; round++)
        {
            var data = new byte[random.Next(0, 200)];
            random.NextBytes(data);
            var reader = new ItchReader(data);
            var handler = new CountingHandler();
            for (int steps = 0; steps <= data.Length; steps++)
            {
                var status = reader.Read(out var message);
                if (status is ItchReadStatus.End or ItchReadStatus.Truncated or ItchReadStatus.Unsynchronized)
                {
                    break;
                }
                ItchDispatcher.Dispatch(message, ref handler);
            }
            Assert.InRange(reader.Position, 0, data.Length);
        }
    }

    [Fact]
    public void EveryTruncationOfAValidStreamStopsCleanly()
    {
        var data = Framed(true, Delete(1), Cancel(2, 3), Delete(4));
        for (int cut = 0; cut <= data.Length; cut++)
        {
            var reader = new ItchReader(data.AsSpan(0, cut));
            int messages = 0;
            ItchReadStatus status;
            while ((status = reader.Read(out _)) == ItchReadStatus.Message)
            {
                messages++;
            }
            bool onBoundary = cut is 0 or 21 or 46 or 67;
            Assert.Equal(onBoundary ? ItchReadStatus.End : ItchReadStatus.Truncated, status);
            Assert.Equal(cut >= 67 ? 3 : cut >= 46 ? 2 : cut >= 21 ? 1 : 0, messages);
        }
    }
}
