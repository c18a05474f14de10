using System.Net;
using System.Net.Sockets;
using Exchange.Fix.Codec;
using Exchange.Fix.Session;
using Exchange.Fix.Store;
using Exchange.Fix.Tests.Codec;
using Exchange.Fix.Tests.Session;
using Exchange.Fix.Transport;

namespace Exchange.Fix.Tests.Transport;

/// <summary>The acceptor with connections read on their own threads from the first byte (the default).</summary>
public sealed class FixAcceptorTests() : FixAcceptorContractTests(readerThreads: FixAcceptorContractTests.DefaultReaderThreads)
{
    [Fact]
    public void ShouldReadAConnectionOnAThreadOfItsOwnAndReturnItWhenTheConnectionEnds()
    {
        using (var client = new FixScriptClient(Acceptor.LocalEndPoint))
        {
            client.Send(FixText.Message($"35=A|49=CLIENT|56=EXCH|34=1|52={Now()}|98=0|108=30|554=secret|141=Y|"));
            Assert.Contains("|35=A|", client.Receive(TimeSpan.FromSeconds(5)), StringComparison.Ordinal);
            Assert.Equal(1, Acceptor.ReaderThreadCount);
        }
        Assert.True(SpinWait.SpinUntil(() => Acceptor.ReaderThreadCount == 0, TimeSpan.FromSeconds(10)));
    }
}

/// <summary>The same behaviour when no thread is free at accept: read asynchronously until the Logon binds the
/// connection, then on a thread of its own.</summary>
public sealed class FixAcceptorAsyncReadTests() : FixAcceptorContractTests(readerThreads: 0)
{
    [Fact]
    public void ShouldTakeNoThreadAtAcceptWhenNoneIsFree()
    {
        using var client = new FixScriptClient(Acceptor.LocalEndPoint);
        client.Send(FixText.Message($"35=A|49=CLIENT|56=EXCH|34=1|52={Now()}|98=0|108=30|554=secret|141=Y|"));
        Assert.Contains("|35=A|", client.Receive(TimeSpan.FromSeconds(5)), StringComparison.Ordinal);
        Assert.Equal(0, Acceptor.ReaderThreadCount);
    }
}

/// <summary>What the acceptor does whichever way it reads a connection.</summary>
public abstract class FixAcceptorContractTests : IAsyncDisposable
{
    internal static readonly int DefaultReaderThreads = new FixTransportOptions().ReaderThreads;

    private readonly FixSession _session;
    private readonly FixAcceptor _acceptor;

    protected FixAcceptorContractTests(int readerThreads)
    {
        var settings = new FixSessionSettings
        {
            SenderCompId = "EXCH", TargetCompId = "CLIENT", Password = "secret", LogonTimeout = TimeSpan.FromMilliseconds(300),
        };
        _session = new FixSession(settings, new MemoryFixMessageStore(), new EchoApplication());
        _acceptor = new FixAcceptor(new IPEndPoint(IPAddress.Loopback, 0), [_session], new FixTransportOptions { MaxBodyLength = 1024, ReaderThreads = readerThreads });
        _acceptor.Start();
    }

    internal FixAcceptor Acceptor => _acceptor;

    public async ValueTask DisposeAsync()
    {
        await _acceptor.StopAsync(TimeSpan.FromSeconds(1));
        GC.SuppressFinalize(this);
    }

    internal static string Now() => DateTime.UtcNow.ToString("yyyyMMdd-HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void ShouldSurviveRandomBytesOnManyConnectionsAndStillAcceptALogon()
    {
        var random = new Random(7);
        for (int c = 0; c < 20; c++)
        {
            using var client = new FixScriptClient(_acceptor.LocalEndPoint);
            for (int i = 0; i < 20; i++)
            {
                var bytes = new byte[random.Next(16, 3000)];
                random.NextBytes(bytes);
                if (i % 3 == 0)
                {
                    "8=FIX.4.4\u00019=9"u8.CopyTo(bytes);
                }
                try
                {
                    client.Send(bytes);
                }
                catch (SocketException)
                {
                    break; // closed by the acceptor: fine
                }
            }
            if (c % 4 == 0)
            {
                // A framed message that is not a Logon (or is a malformed one) closes the connection.
                try
                {
                    client.Send(FixText.Message($"35=A|49=CLIENT|56=EXCH|34=x|52={Now()}|108=30|"));
                }
                catch (SocketException)
                {
                }
            }
        }
        using var good = new FixScriptClient(_acceptor.LocalEndPoint);
        good.Send(FixText.Message($"35=A|49=CLIENT|56=EXCH|34=1|52={Now()}|98=0|108=30|554=secret|141=Y|"));
        string? reply = good.Receive(TimeSpan.FromSeconds(5));
        Assert.NotNull(reply);
        Assert.Contains("|35=A|", reply, StringComparison.Ordinal);
        Assert.True(_session.IsLoggedOn);
    }

    [Fact]
    public void ShouldCloseAConnectionThatDoesNotLogOnInTime()
    {
        using var idle = new FixScriptClient(_acceptor.LocalEndPoint);
        Assert.Null(idle.Receive(TimeSpan.FromSeconds(5))); // closed by the acceptor, with no message
    }

    [Fact]
    public void ShouldSkipAMessageLongerThanTheLimitWithoutBufferingIt()
    {
        using var client = new FixScriptClient(_acceptor.LocalEndPoint);
        client.Send(FixText.Message($"35=A|49=CLIENT|56=EXCH|34=1|52={Now()}|98=0|108=30|554=secret|141=Y|58={new string('x', 5000)}|"));
        client.Send(FixText.Message($"35=A|49=CLIENT|56=EXCH|34=1|52={Now()}|98=0|108=30|554=secret|141=Y|"));
        string? reply = client.Receive(TimeSpan.FromSeconds(5));
        Assert.NotNull(reply);
        Assert.Contains("|35=A|", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldEndAConnectionWhoseSendFailedSoThatStopCompletes()
    {
        for (int round = 0; round < 20; round++)
        {
            using var client = new FixScriptClient(_acceptor.LocalEndPoint);
            client.Send(FixText.Message($"35=A|49=CLIENT|56=EXCH|34=1|52={Now()}|98=0|108=30|554=secret|141=Y|"));
            Assert.Contains("|35=A|", client.Receive(TimeSpan.FromSeconds(5)), StringComparison.Ordinal);
            client.Reset();
            // Sends racing the reader's discovery of the reset fail in the socket; either way the connection must end.
            var deadline = DateTime.UtcNow.AddSeconds(5);
            while (_session.IsLoggedOn && DateTime.UtcNow < deadline)
            {
                _session.Send(new Text("after the reset"));
            }
            Assert.False(_session.IsLoggedOn);
        }
        var stopping = _acceptor.StopAsync(TimeSpan.FromSeconds(1));
        Assert.Same(stopping, await Task.WhenAny(stopping, Task.Delay(TimeSpan.FromSeconds(15))));
    }

    [Fact]
    public async Task ShouldKeepReadingABoundConnectionFromTheBytesReadWithItsLogon()
    {
        using var client = new FixScriptClient(_acceptor.LocalEndPoint);
        // The Logon and the start of an order in one write: the rest of that read is carried to the connection's thread.
        byte[] order = FixText.Message($"35=D|49=CLIENT|56=EXCH|34=2|52={Now()}|11=first|");
        client.Send([.. FixText.Message($"35=A|49=CLIENT|56=EXCH|34=1|52={Now()}|98=0|108=30|554=secret|141=Y|"), .. order[..10]]);
        Assert.Contains("|35=A|", client.Receive(TimeSpan.FromSeconds(5)), StringComparison.Ordinal);
        client.Send(order[10..]);
        Assert.Contains("|11=first|", client.Receive(TimeSpan.FromSeconds(5)), StringComparison.Ordinal);
        for (int i = 0; i < 50; i++)
        {
            client.Send(FixText.Message($"35=D|49=CLIENT|56=EXCH|34={3 + i}|52={Now()}|11=o{i}|"));
            Assert.Contains($"|11=o{i}|", client.Receive(TimeSpan.FromSeconds(5)), StringComparison.Ordinal);
        }

        // Our Logout: the client answers, the connection closes and its thread ends, so the acceptor stops.
        _session.Logout("bye");
        Assert.Contains("|35=5|", client.Receive(TimeSpan.FromSeconds(5)), StringComparison.Ordinal);
        client.Send(FixText.Message($"35=5|49=CLIENT|56=EXCH|34=53|52={Now()}|"));
        Assert.Null(client.Receive(TimeSpan.FromSeconds(5)));
        var stopping = _acceptor.StopAsync(TimeSpan.FromSeconds(1));
        Assert.Same(stopping, await Task.WhenAny(stopping, Task.Delay(TimeSpan.FromSeconds(15))));
    }

    private readonly struct Text(string text) : IFixBody
    {
        public ReadOnlySpan<byte> MsgType => "B"u8;

        public void WriteBody(ref FixMessageWriter writer) => writer.Append(FixTag.Text, System.Text.Encoding.ASCII.GetBytes(text));
    }
}
