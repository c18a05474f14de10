using System.Buffers;
using System.Text;
using Exchange.Fix.Codec;

namespace Exchange.Fix.Tests.Codec;

/// <summary>Seeded random and mutated input fed through framing and parsing the way a session loop would.</summary>
public class FixCodecFuzzTests
{
    private static readonly string[] Bodies =
    [
        "35=D|34={0}|49=CLIENT1|52=20261123-14:30:00.123|56=EXCH|11=ORD-{0}|55=AAPL|54=1|38={1}|40=2|44={2}.25|59=0|",
        "35=8|34={0}|49=EXCH|52=20261123-14:30:00.123|56=CLIENT1|37=O-{0}|17=E-{0}|150=F|39=2|55=AAPL|54=2|32={1}|31={2}|",
        "35=A|34={0}|49=CLIENT1|52=20261123-14:30:00|56=EXCH|98=0|108=30|141=Y|95=3|96=a|b|553=u|554=p|",
        "35=0|34={0}|49=CLIENT1|52=20261123-14:30:00.123456|56=EXCH|",
        "35=D|34={0}|49=C|52=20261123-14:30:00|56=E|453=2|448=A|447=D|452=1|448=B|447=D|452=3|",
    ];

    private readonly FixMessageReader _reader = new(maxBodyLength: 4096);
    private readonly FixMessage _message = new(8192);

    private static byte[] ValidMessage(Random random) =>
        FixText.Message(string.Format(System.Globalization.CultureInfo.InvariantCulture,
            Bodies[random.Next(Bodies.Length)], random.Next(1, 100_000), random.Next(1, 1000), random.Next(0, 500)));

    private static byte[] Mutate(Random random, byte[] message)
    {
        var bytes = new List<byte>(message);
        int mutations = random.Next(1, 4);
        for (int m = 0; m < mutations && bytes.Count > 0; m++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 2:
                    bytes.InsertRange(at, Interesting(random));
                    break;
                case 3:
                    bytes.RemoveAt(at);
                    break;
                case 4:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 5:
                    return ShuffledFields(random, message);
                default:
                    return FixText.Message(Body(message) + Body(message)[..random.Next(Body(message).Length)]);
            }
        }
        return [.. bytes];
    }

    private static byte[] Interesting(Random random) => random.Next(6) switch
    {
        0 => [1],
        1 => "="u8.ToArray(),
        2 => "8=FIX.4.4\u00019="u8.ToArray(),
        3 => Encoding.ASCII.GetBytes(random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture)),
        4 => "10=000\u0001"u8.ToArray(),
        _ => [(byte)random.Next(256), (byte)random.Next(256)],
    };

    // Keeps framing valid (recomputed BodyLength and CheckSum) but reorders body fields: exercises the parser's rejects.
    private static byte[] ShuffledFields(Random random, byte[] message)
    {
        string[] fields = Body(message).TrimEnd('|').Split('|');
        random.Shuffle(fields);
        return FixText.Message(string.Join('|', fields) + "|");
    }

    private static string Body(byte[] message)
    {
        string text = FixText.Show(message);
        int start = text.IndexOf('|', 10) + 1;
        return text[start..(text.Length - 7)];
    }

    private static byte[] Noise(Random random)
    {
        var bytes = new byte[random.Next(1, 64)];
        random.NextBytes(bytes);
        return bytes;
    }

    // Feeds the stream in random chunks, as a PipeReader would, and checks every outcome.
    private (int Valid, int Rejected, int Garbled) Drain(Random random, byte[] stream)
    {
        int valid = 0;
        int rejected = 0;
        int garbled = 0;
        int start = 0;
        int end = 0;
        int steps = 0;
        while (true)
        {
            Assert.InRange(++steps, 0, 4 * stream.Length + 10);
            ReadOnlySpan<byte> available = stream.AsSpan(start, end - start);
            FixReadResult result = _reader.Read(available);
            Assert.Equal(result, _reader.Read(RandomSegments(random, stream[start..end])));
            switch (result.Status)
            {
                case FixReadStatus.Complete:
                    Assert.InRange(result.Length, 1, available.Length);
                    FixParseResult parsed = _message.Parse(available[..result.Length]);
                    if (parsed.IsValid)
                    {
                        valid++;
                        Assert.False(_message.MsgType.IsEmpty);
                        Assert.InRange(_message.MsgSeqNum, 1, int.MaxValue);
                    }
                    else
                    {
                        rejected++;
                        Assert.True(Enum.IsDefined(parsed.Reason));
                        Assert.InRange(parsed.RefTagId, 0, 999_999_999);
                    }
                    ReadAllFields();
                    start += result.Length;
                    break;
                case FixReadStatus.Garbled:
                    Assert.InRange(result.Length, 1, available.Length);
                    Assert.NotEqual(FixGarbleReason.None, result.GarbleReason);
                    garbled++;
                    start += result.Length;
                    break;
                default:
                    if (end == stream.Length)
                    {
                        return (valid, rejected, garbled);
                    }
                    end = Math.Min(stream.Length, end + random.Next(1, 200));
                    break;
            }
        }
    }

    private void ReadAllFields()
    {
        for (int i = 0; i < _message.FieldCount; i++)
        {
            int tag = _message.TagAt(i);
            _message.TryGetInt(tag, out _);
            _message.TryGetLong(tag, out _);
            _message.TryGetDecimalAsFixedPoint(tag, out _);
            _message.TryGetUtcTimestamp(tag, out _);
            _message.TryGetBool(tag, out _);
            _message.TryGetChar(tag, out _);
        }
    }

    private static ReadOnlySequence<byte> RandomSegments(Random random, byte[] bytes)
    {
        if (bytes.Length < 2)
        {
            return new ReadOnlySequence<byte>(bytes);
        }
        int[] cuts = Enumerable.Range(0, random.Next(1, 5)).Select(_ => random.Next(1, bytes.Length)).Distinct().Order().ToArray();
        return BufferSegment.Split(bytes, cuts);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void MutatedAndRandomInputNeverThrowsAndAlwaysMakesProgress(int seed)
    {
        var random = new Random(seed);
        var stream = new List<byte>();
        for (int i = 0; i < 2500; i++)
        {
            byte[] message = ValidMessage(random);
            stream.AddRange(random.Next(10) switch
            {
                < 5 => message,
                < 9 => Mutate(random, message),
                _ => Noise(random),
            });
        }

        (int valid, int rejected, int garbled) = Drain(random, [.. stream]);

        // Most unmutated messages survive the garbage around them (resync works), and every outcome was exercised.
        Assert.InRange(valid, 1000, 2500);
        Assert.InRange(rejected, 50, 2500);
        Assert.InRange(garbled, 500, stream.Count);
    }

    [Fact]
    public void EveryValidMessageIsRecoveredWhateverTheChunking()
    {
        var random = new Random(42);
        var stream = new List<byte>();
        for (int i = 0; i < 1000; i++)
        {
            stream.AddRange(ValidMessage(random));
        }

        Assert.Equal((1000, 0, 0), Drain(random, [.. stream]));
    }

    [Fact]
    public void ParsingRandomBytesDirectlyNeverThrows()
    {
        var random = new Random(7);
        for (int i = 0; i < 20_000; i++)
        {
            byte[] bytes = i % 2 == 0 ? Noise(random) : Mutate(random, ValidMessage(random));
            _message.Parse(bytes);
            ReadAllFields();
            FixReadResult result = _reader.Read(bytes);
            Assert.True(result.Status == FixReadStatus.NeedMoreData || result.Length is >= 1 && result.Length <= bytes.Length || bytes.Length == 0);
        }
    }
}
