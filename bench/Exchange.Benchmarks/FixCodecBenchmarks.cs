using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using Exchange.Fix.Codec;

namespace Exchange.Benchmarks;

/// <summary>The FIX codec on a NewOrderSingle: framing, parsing with field access, and writing an ExecutionReport.</summary>
[MemoryDiagnoser]
public class FixCodecBenchmarks
{
    private const string NewOrderSingle =
        "35=D\u000134=2\u000149=CLIENT1\u000152=20261123-14:30:00.123\u000156=EXCH\u000111=ORD-1\u00011=ACC\u000155=AAPL\u0001" +
        "54=1\u000160=20261123-14:30:00.120\u000138=100\u000140=2\u000144=187.25\u000159=0\u0001";

    private readonly FixMessageReader _reader = new();
    private readonly byte[] _output = new byte[1024];
    private FixMessage _message = null!;
    private byte[] _input = [];
    private ReadOnlySequence<byte> _segmented;

    [GlobalSetup]
    public void Setup()
    {
        _message = new FixMessage(_reader.MaxMessageLength);
        var writer = new FixMessageWriter(_output);
        writer.Begin("D"u8);
        int bodyStart = NewOrderSingle.IndexOf('\u0001', StringComparison.Ordinal) + 1;
        foreach (string field in NewOrderSingle[bodyStart..].Split('\u0001', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = field.IndexOf('=', StringComparison.Ordinal);
            writer.Append(int.Parse(field[..eq], System.Globalization.CultureInfo.InvariantCulture), Encoding.ASCII.GetBytes(field[(eq + 1)..]));
        }
        _input = _output.AsSpan(0, writer.Finish()).ToArray();
        _segmented = new ReadOnlySequence<byte>(_input);
    }

    [Benchmark(Description = "frame (checksum) a NewOrderSingle")]
    public int Frame() => _reader.Read(_segmented).Length;

    [Benchmark(Description = "frame + parse + read 6 fields")]
    public long FrameParseAndRead()
    {
        FixReadResult frame = _reader.Read(_segmented);
        _message.Parse(_segmented.Slice(0, frame.Length));
        _message.TryGetLong(FixTag.OrderQty, out long qty);
        _message.TryGetDecimalAsFixedPoint(FixTag.Price, out long price);
        _message.TryGetChar(FixTag.Side, out char side);
        _message.TryGetUtcTimestamp(FixTag.TransactTime, out long time);
        _message.TryGetSpan(FixTag.ClOrdId, out ReadOnlySpan<byte> clOrdId);
        return qty + price + side + time + clOrdId.Length + _message.MsgSeqNum;
    }

    [Benchmark(Description = "write an ExecutionReport")]
    public int WriteExecutionReport()
    {
        var writer = new FixMessageWriter(_output);
        writer.Begin("8"u8);
        writer.Append(FixTag.MsgSeqNum, 12L);
        writer.Append(FixTag.SenderCompId, "EXCH"u8);
        writer.AppendUtcTimestamp(FixTag.SendingTime, 1_795_444_200_123_000_000);
        writer.Append(FixTag.TargetCompId, "CLIENT1"u8);
        writer.Append(37, "O-1"u8);
        writer.Append(150, 'F');
        writer.Append(FixTag.Side, '1');
        writer.AppendFixedPoint(31, 18_725_000_000);
        writer.AppendFixedPoint(32, 10_000_000_000);
        return writer.Finish();
    }
}
