using System.Text;
using Exchange.Fix.Codec;
using Exchange.Fix.Session;
using Exchange.Fix.Store;
using Exchange.Fix.Tests.Codec;

namespace Exchange.Fix.Tests.Session;

/// <summary>Random and mutated input never throws out of the session layer, and whatever the session sends is a
/// well-formed FIX message with the next sequence number (or a resend/gap fill of an earlier one).</summary>
public sealed class FixSessionFuzzTests
{
    private static readonly string[] Templates =
    [
        "35=0",
        "35=0|112=1",
        "35=1|112=fuzz",
        "35=2|7=1|16=0",
        "35=2|7=2|16=3",
        "35=4|123=Y|36={next}",
        "35=4|36={next}",
        "35=3|45=1|373=1",
        "35=D|11=c{n}|55=AAPL|54=1|38=100|40=2|44=190.25",
        "35=D|43=Y|122={now}|11=dup|55=AAPL|54=1|38=1|40=1",
        "35=F|11=x|41=c1|55=AAPL|54=1",
        "35=A|98=0|108=30|554=secret",
        "35=5",
        "35=ZZ|9999=odd",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ShouldNeverThrowOnRandomAndMutatedMessages(int seed)
    {
        var random = new Random(seed);
        var clock = new ManualTimeProvider();
        var settings = new FixSessionSettings { SenderCompId = "EXCH", TargetCompId = "CLIENT", Password = "secret" };
        var session = new FixSession(settings, new MemoryFixMessageStore(), new EchoApplication(), clock);
        var framer = new FixMessageReader();
        var message = new FixMessage(framer.MaxMessageLength);
        var check = new FixMessage(framer.MaxMessageLength);
        RecordingTransport? transport = null;
        int clientSeq = 1;
        int processed = 0;

        for (int step = 0; step < 20_000; step++)
        {
            if (transport is null || transport.DisconnectReason is not null)
            {
                transport = new RecordingTransport();
                Assert.True(session.TryConnect(transport));
                clientSeq = random.Next(3) == 0 ? clientSeq : 1;
                Feed(session, transport, framer, message, Build(clientSeq++, "35=A|98=0|108=30|554=secret" + (clientSeq == 2 ? "|141=Y" : ""), clock));
            }
            byte[] bytes = random.Next(4) switch
            {
                0 => Build(clientSeq++, Templates[random.Next(Templates.Length)].Replace("{n}", step.ToString()), clock, session),
                1 => Mutate(random, Build(clientSeq++, Templates[random.Next(Templates.Length)], clock, session), reframe: true),
                2 => Mutate(random, Build(clientSeq++, Templates[random.Next(Templates.Length)], clock, session), reframe: false),
                _ => RandomBytes(random),
            };
            if (random.Next(10) == 0)
            {
                clientSeq += random.Next(-3, 4); // gaps and repeats
                clientSeq = Math.Max(clientSeq, 1);
            }
            processed += Feed(session, transport, framer, message, bytes);
            if (random.Next(20) == 0)
            {
                clock.Advance(TimeSpan.FromSeconds(random.Next(0, 70)));
                session.OnTimer();
            }
            foreach (byte[] sent in transport.Sent)
            {
                var read = framer.Read(sent);
                Assert.Equal(FixReadStatus.Complete, read.Status);
                Assert.True(check.Parse(sent).IsValid, FixText.Show(sent));
                Assert.Equal("EXCH"u8.ToArray(), check.SenderCompId.ToArray());
            }
            transport.Sent.Clear();
        }
        Assert.True(processed > 1000, $"only {processed} messages got past framing");
    }

    private static int Feed(FixSession session, RecordingTransport transport, FixMessageReader framer, FixMessage message, byte[] bytes)
    {
        int count = 0;
        var buffer = bytes.AsSpan();
        while (buffer.Length > 0)
        {
            var read = framer.Read(buffer);
            if (read.Status == FixReadStatus.NeedMoreData)
            {
                break;
            }
            if (read.Status == FixReadStatus.Complete)
            {
                var parse = message.Parse(buffer[..read.Length]);
                session.OnMessage(transport, message, parse);
                count++;
            }
            buffer = buffer[read.Length..];
        }
        return count;
    }

    private static byte[] Build(int seq, string fields, ManualTimeProvider clock, FixSession? session = null)
    {
        string now = clock.GetUtcNow().ToString("yyyyMMdd-HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);
        fields = fields.Replace("{now}", now).Replace("{next}", ((session?.NextTargetMsgSeqNum ?? 1) + 2).ToString());
        int bar = fields.IndexOf('|');
        string type = bar < 0 ? fields : fields[..bar];
        string rest = bar < 0 ? "" : fields[bar..];
        return FixText.Message($"{type}|49=CLIENT|56=EXCH|34={seq}|52={now}{rest}|");
    }

    private static byte[] Mutate(Random random, byte[] message, bool reframe)
    {
        var bytes = new List<byte>(message);
        int edits = random.Next(1, 4);
        for (int i = 0; i < edits && bytes.Count > 0; i++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.RemoveAt(at);
                    break;
                case 2:
                    bytes.Insert(at, random.Next(2) == 0 ? (byte)1 : (byte)random.Next(32, 127));
                    break;
                default:
                    bytes.InsertRange(at, Encoding.ASCII.GetBytes(random.Next(2) == 0 ? "\u000134=1" : "\u000143=Y"));
                    break;
            }
        }
        if (!reframe)
        {
            return [.. bytes];
        }
        // Keep the frame valid so the mutation reaches the parser and the session: recompute 9 and 10 around the body.
        string text = Encoding.Latin1.GetString([.. bytes]);
        int bodyStart = text.IndexOf("\u000135=", StringComparison.Ordinal);
        int trailer = text.LastIndexOf("\u000110=", StringComparison.Ordinal);
        if (bodyStart < 0 || trailer <= bodyStart)
        {
            return [.. bytes];
        }
        return FixText.Message(Encoding.Latin1.GetString(Encoding.Latin1.GetBytes(text[(bodyStart + 1)..(trailer + 1)])).Replace('\u0001', '|'));
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(12, 200)];
        random.NextBytes(bytes);
        if (random.Next(2) == 0)
        {
            "8=FIX.4.4\u00019="u8.CopyTo(bytes);
        }
        return bytes;
    }
}
