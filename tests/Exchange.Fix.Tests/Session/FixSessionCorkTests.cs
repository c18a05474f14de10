using System.Text;
using Exchange.Fix.Codec;
using Exchange.Fix.Session;
using Exchange.Fix.Store;
using Exchange.Fix.Tests.Codec;

namespace Exchange.Fix.Tests.Session;

/// <summary>Between Cork and Uncork a session collects its application messages: stored and numbered as always, sent
/// as one transport write at the end, and never overtaken by anything else it sends.</summary>
public sealed class FixSessionCorkTests
{
    private readonly ManualTimeProvider _clock = new();
    private readonly MemoryFixMessageStore _store = new();
    private readonly RecordingTransport _transport = new();
    private readonly FixSession _session;

    public FixSessionCorkTests()
    {
        var settings = new FixSessionSettings { SenderCompId = "EXCH", TargetCompId = "CLIENT", Password = "secret" };
        _session = new FixSession(settings, _store, new EchoApplication(), _clock);
        Assert.True(_session.TryConnect(_transport));
        string now = _clock.GetUtcNow().ToString("yyyyMMdd-HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);
        var logon = new FixMessage(4096);
        var parse = logon.Parse(FixText.Message($"35=A|49=CLIENT|56=EXCH|34=1|52={now}|98=0|108=30|554=secret|"));
        _session.OnMessage(_transport, logon, parse);
        Assert.True(_session.IsLoggedOn);
        _transport.Sent.Clear(); // the Logon reply
    }

    [Fact]
    public void ShouldSendCorkedMessagesAsOneWriteInSequenceOrderWhenUncorked()
    {
        _session.Cork();
        _session.Send(new Note("a"));
        _session.Send(new Note("b"));
        _session.Send(new Note("c"));
        Assert.Empty(_transport.Sent);
        Assert.True(_store.Contains(2) && _store.Contains(3) && _store.Contains(4)); // numbered and stored already

        _session.Uncork();

        var write = Assert.Single(_transport.Sent);
        Assert.Equal(["2:a", "3:b", "4:c"], Messages(write));
        Assert.Equal(5, _session.NextSenderMsgSeqNum);
    }

    [Fact]
    public void ShouldSendTheCorkedBatchBeforeAnAdminMessageSentMeanwhile()
    {
        _session.Cork();
        _session.Send(new Note("a"));
        _clock.Advance(TimeSpan.FromSeconds(31)); // past HeartBtInt without sending: a Heartbeat is due
        _session.OnTimer();

        Assert.Equal(2, _transport.Sent.Count);
        Assert.Equal(["2:a"], Messages(_transport.Sent[0]));
        Assert.Contains("35=0", FixText.Show(_transport.Sent[1]));
        Assert.Contains("34=3", FixText.Show(_transport.Sent[1]));
        _session.Uncork();
        Assert.Equal(2, _transport.Sent.Count); // nothing left
    }

    [Fact]
    public void ShouldSendImmediatelyWhenNotCorked()
    {
        _session.Send(new Note("a"));
        _session.Send(new Note("b"));
        Assert.Equal(2, _transport.Sent.Count);
    }

    [Fact]
    public void ShouldSendDirectReportsCorkedUntilUncorkedWithoutWaiting()
    {
        Assert.True(_session.TryBeginDirect());
        _session.Send(new Note("a"));
        _session.EndDirect();
        Assert.True(_session.TryBeginDirect());
        _session.Send(new Note("b"));
        _session.EndDirect();
        Assert.Empty(_transport.Sent);

        Assert.True(_session.TryUncorkDirect());

        Assert.Equal(["2:a", "3:b"], Messages(Assert.Single(_transport.Sent)));
    }

    [Fact]
    public void ShouldRefuseToSendDirectlyWhenTheConnectionHasOutputQueued()
    {
        _transport.IsDrained = false;

        Assert.False(_session.TryBeginDirect());
        Assert.Equal(2, _session.NextSenderMsgSeqNum); // nothing numbered
    }

    [Fact]
    public void ShouldLeaveTheUncorkToAThreadThatMayWaitWhenTheConnectionHasOutputQueued()
    {
        Assert.True(_session.TryBeginDirect());
        _session.Send(new Note("a"));
        _session.EndDirect();
        _transport.IsDrained = false;

        Assert.False(_session.TryUncorkDirect());
        Assert.Empty(_transport.Sent);
        _session.Uncork(); // the report task's: it may wait for room

        Assert.Equal(["2:a"], Messages(Assert.Single(_transport.Sent)));
    }

    [Fact]
    public void ShouldRefuseToSendDirectlyWhileAnotherThreadHoldsTheSession()
    {
        Assert.True(_session.TryBeginDirect());
        bool other = true;
        var thread = new Thread(() => other = _session.TryBeginDirect());
        thread.Start();
        thread.Join();
        _session.EndDirect();

        Assert.False(other);
    }

    [Fact]
    public void ShouldRefuseToSendDirectlyWhenNotLoggedOn()
    {
        _session.OnDisconnected(_transport);

        Assert.False(_session.TryBeginDirect());
    }

    /// <summary>"MsgSeqNum:text" of each message in one transport write.</summary>
    private static List<string> Messages(byte[] write)
    {
        var found = new List<string>();
        var message = new FixMessage(4096);
        int offset = 0;
        while (offset < write.Length)
        {
            // Each message ends with the CheckSum field: SOH "10=" three digits SOH.
            int end = offset + write.AsSpan(offset).IndexOf("\u000110="u8) + 8;
            var parse = message.Parse(write.AsSpan(offset, end - offset));
            Assert.True(parse.IsValid);
            Assert.True(message.TryGetSpan(FixTag.Text, out var text));
            found.Add($"{message.MsgSeqNum}:{Encoding.ASCII.GetString(text)}");
            offset = end;
        }
        return found;
    }

    private readonly struct Note(string text) : IFixBody
    {
        public ReadOnlySpan<byte> MsgType => "B"u8;

        public void WriteBody(ref FixMessageWriter writer) => writer.Append(FixTag.Text, Encoding.ASCII.GetBytes(text));
    }
}
