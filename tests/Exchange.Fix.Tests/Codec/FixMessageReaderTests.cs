using System.Buffers;
using Exchange.Fix.Codec;

namespace Exchange.Fix.Tests.Codec;

public class FixMessageReaderTests
{
    private const string NewOrderSingle =
        "35=D|34=2|49=CLIENT1|52=20261123-14:30:00.123|56=EXCH|11=ORD-1|21=1|55=AAPL|54=1|60=20261123-14:30:00.120|38=100|40=2|44=187.25|59=0|";

    private readonly FixMessageReader _reader = new();

    [Fact]
    public void ChecksumIsTheSumOfAllBytesBeforeTheTrailerModulo256()
    {
        // Worked by hand: "8=FIX.4.4|9=5|35=0|" sums to 931 → 931 % 256 = 163.
        byte[] message = FixText.Message("35=0|");
        Assert.Equal("8=FIX.4.4|9=5|35=0|10=163|", FixText.Show(message));
        Assert.Equal(163, FixChecksum.Compute(message.AsSpan(0, message.Length - 7)));
    }

    [Fact]
    public void ReadsACompleteMessageAndReportsItsLength()
    {
        byte[] message = FixText.Message(NewOrderSingle);
        byte[] buffer = [.. message, .. FixText.Message("35=0|")];

        FixReadResult result = _reader.Read(buffer);

        Assert.Equal(FixReadResult.Complete(message.Length), result);
    }

    [Fact]
    public void AsksForMoreDataForEveryProperPrefixOfAMessage()
    {
        byte[] message = FixText.Message(NewOrderSingle);
        for (int n = 0; n < message.Length; n++)
        {
            Assert.Equal(FixReadStatus.NeedMoreData, _reader.Read(message.AsSpan(0, n)).Status);
            Assert.Equal(FixReadStatus.NeedMoreData, _reader.Read(BufferSegment.ByteAtATime(message[..n])).Status);
        }
    }

    [Fact]
    public void ReadsAMessageSplitAcrossSegmentsAtEveryPossibleCut()
    {
        byte[] message = FixText.Message(NewOrderSingle);
        for (int cut = 1; cut < message.Length; cut++)
        {
            Assert.Equal(FixReadResult.Complete(message.Length), _reader.Read(BufferSegment.Split(message, cut)));
        }
        Assert.Equal(FixReadResult.Complete(message.Length), _reader.Read(BufferSegment.ByteAtATime(message)));
        Assert.Equal(FixReadResult.Complete(message.Length), _reader.Read(BufferSegment.Split(message, 3, 11, 14, message.Length - 4)));
    }

    [Fact]
    public void ReadsAStreamFedOneByteAtATime()
    {
        byte[] one = FixText.Message(NewOrderSingle);
        byte[] two = FixText.Message("35=0|34=3|49=CLIENT1|52=20261123-14:30:01|56=EXCH|");
        byte[] stream = [.. one, .. two];
        var lengths = new List<int>();
        int start = 0;
        for (int end = 1; end <= stream.Length; end++)
        {
            FixReadResult result = _reader.Read(BufferSegment.ByteAtATime(stream[start..end]));
            if (result.Status == FixReadStatus.Complete)
            {
                lengths.Add(result.Length);
                start += result.Length;
            }
            Assert.NotEqual(FixReadStatus.Garbled, result.Status);
        }
        Assert.Equal([one.Length, two.Length], lengths);
    }

    [Theory]
    [InlineData("8=FIX.4.2|9=5|35=0|10=000|", FixGarbleReason.BadBeginString)]
    [InlineData("X8=FIX.4.4|9=5|35=0|10=000|", FixGarbleReason.BadBeginString)]
    [InlineData("8=FIX.4.4|35=0|9=5|10=000|", FixGarbleReason.BadBodyLength)]
    [InlineData("8=FIX.4.4|9=|35=0|10=000|", FixGarbleReason.BadBodyLength)]
    [InlineData("8=FIX.4.4|9=0|10=000|", FixGarbleReason.BadBodyLength)]
    [InlineData("8=FIX.4.4|9=-5|35=0|10=000|", FixGarbleReason.BadBodyLength)]
    [InlineData("8=FIX.4.4|9=5x|35=0|10=000|", FixGarbleReason.BadBodyLength)]
    [InlineData("8=FIX.4.4|9=0000000005|35=0|10=000|", FixGarbleReason.BadBodyLength)]
    [InlineData("8=FIX.4.4|9=4|35=0|10=000|", FixGarbleReason.BadCheckSumField)]
    [InlineData("8=FIX.4.4|9=3|35=0|10=000|", FixGarbleReason.BadCheckSumField)]
    [InlineData("8=FIX.4.4|9=5|35=0|11=000|", FixGarbleReason.BadCheckSumField)]
    [InlineData("8=FIX.4.4|9=5|35=0|10=1x6|", FixGarbleReason.BadCheckSumField)]
    [InlineData("8=FIX.4.4|9=5|35=0|10=163x", FixGarbleReason.BadCheckSumField)]
    [InlineData("8=FIX.4.4|9=5|35=0|10=999|", FixGarbleReason.BadCheckSumField)]
    [InlineData("8=FIX.4.4|9=5|35=0|10=164|", FixGarbleReason.CheckSumMismatch)]
    [InlineData("8=FIX.4.4|9=65537|35=0|", FixGarbleReason.BodyLengthTooLarge)]
    [InlineData("8=FIX.4.4|9=99999999", FixGarbleReason.BodyLengthTooLarge)]
    public void ReportsGarbledMessagesWithTheirReason(string text, FixGarbleReason reason)
    {
        byte[] bytes = FixText.Raw(text);

        FixReadResult fromSpan = _reader.Read(bytes);
        FixReadResult fromSegments = _reader.Read(BufferSegment.ByteAtATime(bytes));

        Assert.Equal(FixReadStatus.Garbled, fromSpan.Status);
        Assert.Equal(reason, fromSpan.GarbleReason);
        Assert.Equal(fromSpan, fromSegments);
        Assert.InRange(fromSpan.Length, 1, bytes.Length);
    }

    [Fact]
    public void SkipsAGarbledMessageUpToTheNextBeginString()
    {
        byte[] bad = FixText.Raw("8=FIX.4.4|9=5|35=0|10=164|garbage");
        byte[] good = FixText.Message("35=0|");
        byte[] stream = [.. bad, .. good];

        FixReadResult first = _reader.Read(stream);
        FixReadResult firstFromSegments = _reader.Read(BufferSegment.Split(stream, 5, 30));

        Assert.Equal(FixReadStatus.Garbled, first.Status);
        Assert.Equal(first, firstFromSegments);
        int skipped = first.Length;
        // A checksum mismatch skips the whole frame; the garbage after it is skipped in one more step.
        while (_reader.Read(stream.AsSpan(skipped)) is { Status: FixReadStatus.Garbled } next)
        {
            skipped += next.Length;
        }
        Assert.Equal(bad.Length, skipped);
        Assert.Equal(FixReadResult.Complete(good.Length), _reader.Read(stream.AsSpan(skipped)));
    }

    [Fact]
    public void KeepsATailThatMayBeTheStartOfTheNextMessage()
    {
        byte[] bytes = FixText.Raw("junk 8=FI");

        FixReadResult result = _reader.Read(bytes);

        Assert.Equal(FixReadResult.Garbled(5, FixGarbleReason.BadBeginString), result);
        Assert.Equal(result, _reader.Read(BufferSegment.ByteAtATime(bytes)));
    }

    [Fact]
    public void NeverBuffersMoreThanTheConfiguredBodyLength()
    {
        var reader = new FixMessageReader(maxBodyLength: 100);
        byte[] fits = FixText.Message("35=0|58=" + new string('x', 100 - 9) + "|");
        byte[] tooLarge = FixText.Message("35=0|58=" + new string('x', 101 - 9) + "|");

        Assert.Equal(FixReadStatus.Complete, reader.Read(fits).Status);
        Assert.Equal(FixGarbleReason.BodyLengthTooLarge, reader.Read(tooLarge.AsSpan(0, 20)).GarbleReason);
        Assert.Equal(FixGarbleReason.BodyLengthTooLarge, reader.Read(new ReadOnlySequence<byte>(tooLarge)).GarbleReason);
    }
}
