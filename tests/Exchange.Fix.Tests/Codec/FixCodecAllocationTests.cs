using System.Buffers;
using Exchange.Fix.Codec;

namespace Exchange.Fix.Tests.Codec;

/// <summary>The codec's steady state allocates nothing: framing, parsing, reading fields and writing a reply.</summary>
public class FixCodecAllocationTests
{
    private const int Windows = 6;
    private const int MessagesPerWindow = 2_000;

    private readonly FixMessageReader _reader = new();
    private readonly FixMessage _message = new(new FixMessageReader().MaxMessageLength);
    private readonly byte[] _output = new byte[1024];
    private readonly byte[] _newOrder = FixText.Message(
        "35=D|34=2|49=CLIENT1|52=20261123-14:30:00.123|56=EXCH|11=ORD-1|1=ACC|55=AAPL|54=1|60=20261123-14:30:00.120|38=100|40=2|44=187.25|59=0|453=1|448=P|447=D|452=3|");

    private long RoundTrip(in ReadOnlySequence<byte> input)
    {
        FixReadResult frame = _reader.Read(input);
        FixParseResult parsed = _message.Parse(input.Slice(0, frame.Length));
        _message.TryGetSpan(FixTag.ClOrdId, out ReadOnlySpan<byte> clOrdId);
        _message.TryGetChar(FixTag.Side, out char side);
        _message.TryGetLong(FixTag.OrderQty, out long qty);
        _message.TryGetDecimalAsFixedPoint(FixTag.Price, out long price);
        _message.TryGetUtcTimestamp(FixTag.TransactTime, out long transactTime);
        _message.TryGetInt(448, out _);

        var writer = new FixMessageWriter(_output);
        writer.Begin("8"u8);
        writer.Append(FixTag.MsgSeqNum, (long)_message.MsgSeqNum);
        writer.Append(FixTag.SenderCompId, _message.TargetCompId);
        writer.AppendUtcTimestamp(FixTag.SendingTime, _message.SendingTime);
        writer.Append(FixTag.TargetCompId, _message.SenderCompId);
        writer.Append(FixTag.ClOrdId, clOrdId);
        writer.Append(FixTag.Side, side);
        writer.Append(FixTag.OrderQty, qty);
        writer.AppendFixedPoint(FixTag.Price, price);
        writer.AppendUtcTimestamp(FixTag.TransactTime, transactTime);
        return parsed.IsValid ? writer.Finish() : -1;
    }

    private long[] AllocatedPerWindow(ReadOnlySequence<byte> input)
    {
        Assert.True(RoundTrip(input) > 0);
        var allocated = new long[Windows];
        for (int w = 0; w < Windows; w++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < MessagesPerWindow; i++)
            {
                RoundTrip(input);
            }
            allocated[w] = GC.GetAllocatedBytesForCurrentThread() - before;
        }
        return allocated;
    }

    [Fact]
    public void ReadingParsingAndWritingFromOneSegmentAllocatesNothing()
    {
        long[] allocated = AllocatedPerWindow(new ReadOnlySequence<byte>(_newOrder));

        Assert.True(allocated[^1] == 0, $"bytes allocated per window: {string.Join(", ", allocated)}");
    }

    [Fact]
    public void ReadingParsingAndWritingFromManySegmentsAllocatesNothing()
    {
        long[] allocated = AllocatedPerWindow(BufferSegment.Split(_newOrder, 5, 13, 40, 41, _newOrder.Length - 3));

        Assert.True(allocated[^1] == 0, $"bytes allocated per window: {string.Join(", ", allocated)}");
    }
}
