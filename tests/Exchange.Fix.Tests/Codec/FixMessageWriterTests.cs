using System.Buffers;
using Exchange.Fix.Codec;

namespace Exchange.Fix.Tests.Codec;

public class FixMessageWriterTests
{
    private const long SendingTime = 1_795_444_200_123_456_789; // 20261123-14:30:00.123456789

    private static int WriteExecutionReport(Span<byte> destination)
    {
        var writer = new FixMessageWriter(destination);
        writer.Begin("8"u8);
        writer.Append(FixTag.MsgSeqNum, 12L);
        writer.Append(FixTag.SenderCompId, "EXCH"u8);
        writer.AppendUtcTimestamp(FixTag.SendingTime, SendingTime);
        writer.AppendString(FixTag.TargetCompId, "CLIENT1");
        writer.Append(37, "O-1"u8);
        writer.Append(150, 'F');
        writer.Append(FixTag.Side, '2');
        writer.AppendFixedPoint(31, 18_725_000_000);
        writer.AppendFixedPoint(32, 100 * FixValue.FixedPointScale);
        writer.AppendFixedPoint(6, -1);
        writer.Append(FixTag.PossDupFlag, true);
        return writer.Finish();
    }

    [Fact]
    public void WritesExactlyTheBytesOfAHandWrittenMessage()
    {
        var buffer = new byte[512];

        int length = WriteExecutionReport(buffer);

        byte[] expected = FixText.Message("35=8|34=12|49=EXCH|52=20261123-14:30:00.123|56=CLIENT1|37=O-1|150=F|54=2|31=187.25|32=100|6=-0.00000001|43=Y|");
        Assert.Equal(FixText.Show(expected), FixText.Show(buffer.AsSpan(0, length)));
    }

    [Fact]
    public void RoundTripsThroughTheReaderAndParser()
    {
        var buffer = new byte[512];
        int length = WriteExecutionReport(buffer);
        var message = new FixMessage(1024);

        Assert.Equal(FixReadResult.Complete(length), new FixMessageReader().Read(buffer.AsSpan(0, length + 10)));
        Assert.Equal(FixParseResult.Valid, message.Parse(buffer.AsSpan(0, length)));
        Assert.Equal(12, message.MsgSeqNum);
        Assert.Equal(SendingTime - 456_789, message.SendingTime);
        Assert.True(message.PossDupFlag);
        Assert.True(message.TryGetDecimalAsFixedPoint(31, out long lastPx));
        Assert.Equal(18_725_000_000, lastPx);
        Assert.True(message.TryGetDecimalAsFixedPoint(6, out long avgPx));
        Assert.Equal(-1, avgPx);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(-1L)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue + 1)]
    [InlineData(1_234_567_890_123L)]
    public void FixedPointValuesRoundTripExactly(long value)
    {
        var buffer = new byte[256];
        var writer = new FixMessageWriter(buffer);
        writer.Begin("0"u8);
        writer.AppendFixedPoint(FixTag.Price, value);
        int length = writer.Finish();
        var message = new FixMessage(256);
        message.Parse(buffer.AsSpan(0, length));

        Assert.True(message.TryGetDecimalAsFixedPoint(FixTag.Price, out long parsed));
        Assert.Equal(value, parsed);
    }

    [Fact]
    public void WritesIntoABufferWriter()
    {
        var output = new ArrayBufferWriter<byte>();
        for (int i = 0; i < 2; i++)
        {
            output.Advance(WriteExecutionReport(output.GetSpan(512)));
        }

        var reader = new FixMessageReader();
        FixReadResult first = reader.Read(output.WrittenSpan);
        Assert.Equal(FixReadStatus.Complete, first.Status);
        Assert.Equal(FixReadResult.Complete(first.Length), reader.Read(output.WrittenSpan[first.Length..]));
        Assert.Equal(2 * first.Length, output.WrittenCount);
    }

    [Fact]
    public void ThrowsWhenTheBufferIsTooSmall()
    {
        Assert.Throws<ArgumentException>(() => WriteExecutionReport(new byte[64]));
    }

    [Fact]
    public void RefusesValuesThatWouldBreakTheFraming()
    {
        Assert.Throws<ArgumentException>(() => WriteOne((ref FixMessageWriter w) => w.Append(FixTag.Text, "a\u0001b"u8)));
        Assert.Throws<ArgumentException>(() => WriteOne((ref FixMessageWriter w) => w.AppendString(FixTag.Text, "a\u0001b")));
        Assert.Throws<ArgumentException>(() => WriteOne((ref FixMessageWriter w) => w.AppendString(FixTag.Text, "é")));
        Assert.Throws<ArgumentException>(() => WriteOne((ref FixMessageWriter w) => w.Append(FixTag.Text, ReadOnlySpan<byte>.Empty)));
        Assert.Throws<ArgumentException>(() => WriteOne((ref FixMessageWriter w) => w.Append(0, 'x')));
        Assert.Throws<ArgumentException>(() => WriteOne((ref FixMessageWriter w) => w.AppendUtcTimestamp(FixTag.SendingTime, -1)));
    }

    [Fact]
    public void RequiresBeginBeforeFields()
    {
        Assert.Throws<InvalidOperationException>(() =>
        {
            var writer = new FixMessageWriter(new byte[64]);
            writer.Append(FixTag.Text, "x"u8);
        });
    }

    private delegate void Step(ref FixMessageWriter writer);

    private static void WriteOne(Step step)
    {
        var writer = new FixMessageWriter(new byte[256]);
        writer.Begin("0"u8);
        step(ref writer);
        writer.Finish();
    }
}
