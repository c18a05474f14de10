using Exchange.Fix.Codec;
using Exchange.Fix.Session;
using Exchange.Fix.Store;
using Exchange.Fix.Tests.Codec;

namespace Exchange.Fix.Tests.Session;

/// <summary>The session layer allocates nothing per message in steady state (admin traffic and application sends).
/// The store is left out: the memory store copies each message by design; the file store's cost is a write.</summary>
public sealed class FixSessionAllocationTests
{
    [Fact]
    public void ShouldAllocateNothingPerMessageOnceWarm()
    {
        var clock = new ManualTimeProvider();
        var settings = new FixSessionSettings { SenderCompId = "EXCH", TargetCompId = "CLIENT", Password = "secret" };
        var application = new SilentApplication();
        var session = new FixSession(settings, new NumbersOnlyStore(), application, clock);
        var transport = new NullTransport();
        var message = new FixMessage(4096);
        string now = clock.GetUtcNow().ToString("yyyyMMdd-HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);
        byte[] Build(int seq, string body) => FixText.Message($"{body.Split('|')[0]}|49=CLIENT|56=EXCH|34={seq}|52={now}|{string.Join('|', body.Split('|').Skip(1))}");
        const int count = 2_000;
        var inbound = new byte[count + 1][];
        inbound[0] = Build(1, "35=A|98=0|108=30|554=secret|");
        for (int i = 1; i <= count; i++)
        {
            inbound[i] = Build(i + 1, i % 2 == 0 ? "35=1|112=t|" : "35=D|11=x|55=AAPL|54=1|38=1|40=1|");
        }
        Assert.True(session.TryConnect(transport));
        void Feed(int i)
        {
            var parse = message.Parse(inbound[i]);
            session.OnMessage(transport, message, parse);
        }
        Feed(0);
        for (int i = 1; i <= 100; i++)
        {
            Feed(i); // warm up
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 101; i <= count; i++)
        {
            Feed(i);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(session.IsLoggedOn);
        Assert.Equal(count + 2, session.NextTargetMsgSeqNum);
        Assert.Equal(0, allocated);
        Assert.True(transport.Messages > count);
    }

    private sealed class NumbersOnlyStore : IFixMessageStore
    {
        public int NextSenderMsgSeqNum { get; private set; } = 1;

        public int NextTargetMsgSeqNum { get; private set; } = 1;

        public void SetNextSenderMsgSeqNum(int value) => NextSenderMsgSeqNum = value;

        public void SetNextTargetMsgSeqNum(int value) => NextTargetMsgSeqNum = value;

        public void Store(int msgSeqNum, ReadOnlySpan<byte> message)
        {
        }

        public bool TryGet(int msgSeqNum, out byte[] message)
        {
            message = [];
            return false;
        }

        public bool Contains(int msgSeqNum) => false;

        public void Reset() => NextSenderMsgSeqNum = NextTargetMsgSeqNum = 1;

        public void Flush()
        {
        }

        public void Dispose()
        {
        }
    }

    private sealed class NullTransport : IFixTransport
    {
        public int Messages;

        public void Send(ReadOnlySpan<byte> message) => Messages++;

        public void Disconnect(string reason) => throw new InvalidOperationException(reason);
    }

    /// <summary>Answers every application message with a small report, like an order-entry application.</summary>
    private sealed class SilentApplication : IFixApplication
    {
        public string? OnLogon(FixSession session) => null;

        public void OnMessage(FixSession session, FixMessage message) => session.Send(new Ack(message.MsgSeqNum));

        public void OnLogout(FixSession session, bool graceful)
        {
        }

        private readonly struct Ack(int seq) : IFixBody
        {
            public ReadOnlySpan<byte> MsgType => "8"u8;

            public void WriteBody(ref FixMessageWriter writer)
            {
                writer.Append(FixTag.ClOrdId, "x"u8);
                writer.Append(FixTag.ExecId, seq);
                writer.Append(FixTag.ExecType, '0');
            }
        }
    }
}
