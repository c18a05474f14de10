using System.Net;
using System.Net.Sockets;
using Exchange.Fix.Codec;

namespace Exchange.Server.Tests.LoadTest;

/// <summary>A minimal FIX 4.4 counterparty for the load generator's FIX mode (until the real acceptor is
/// there): answers a Logon with a Logon (or a Logout if the password is not "demo"), every NewOrderSingle with
/// an ExecutionReport — New, or Rejected with OrdRejReason 1 when the symbol is "NOPE" — and a Logout with a
/// Logout. One thread per connection; test code only.</summary>
internal sealed class FakeFixAcceptor : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<Thread> _threads = [];
    private int _orders;
    private int _logons;

    public FakeFixAcceptor()
    {
        _listener.Start();
        var accept = new Thread(AcceptLoop) { IsBackground = true };
        accept.Start();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Orders => Volatile.Read(ref _orders);

    public int Logons => Volatile.Read(ref _logons);

    /// <summary>Sends a TestRequest on every connection after its first order (to check the Heartbeat answer).</summary>
    public bool SendTestRequest { get; init; }

    public int HeartbeatsWithTestReqId;

    public void Dispose() => _listener.Stop();

    private void AcceptLoop()
    {
        try
        {
            while (true)
            {
                var socket = _listener.AcceptSocket();
                var t = new Thread(() => Serve(socket)) { IsBackground = true };
                lock (_threads)
                {
                    _threads.Add(t);
                }
                t.Start();
            }
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        catch (InvalidOperationException)
        {
            // Stopped before this thread first called AcceptSocket.
        }
    }

    private void Serve(Socket socket)
    {
        using var _ = socket;
        var reader = new FixMessageReader();
        var message = new FixMessage(reader.MaxMessageLength);
        var buffer = new byte[256 * 1024];
        var output = new byte[64 * 1024];
        int start = 0;
        int end = 0;
        int seq = 1;
        long execId = 0;
        byte[] sender = [];
        bool testRequestSent = false;
        try
        {
            while (true)
            {
                int n = socket.Receive(buffer.AsSpan(end));
                if (n == 0)
                {
                    return;
                }
                end += n;
                int written = 0;
                while (true)
                {
                    var result = reader.Read(buffer.AsSpan(start, end - start));
                    if (result.Status == FixReadStatus.NeedMoreData)
                    {
                        break;
                    }
                    var frame = buffer.AsSpan(start, result.Length);
                    start += result.Length;
                    if (result.Status != FixReadStatus.Complete || !message.Parse(frame).IsValid)
                    {
                        continue;
                    }
                    var type = message.MsgType;
                    if (type.SequenceEqual("A"u8))
                    {
                        sender = message.SenderCompId.ToArray();
                        message.TryGetString(FixTag.Password, out var password);
                        bool ok = password == "demo";
                        if (ok)
                        {
                            Interlocked.Increment(ref _logons);
                        }
                        var w = Header(output.AsSpan(written, 512), ok ? "A"u8 : "5"u8, sender, seq++);
                        if (ok)
                        {
                            w.Append(98, 0L);
                            w.Append(FixTag.HeartBtInt, 30L);
                        }
                        else
                        {
                            w.Append(FixTag.Text, "bad password"u8);
                        }
                        written += w.Finish();
                    }
                    else if (type.SequenceEqual("D"u8))
                    {
                        Interlocked.Increment(ref _orders);
                        message.TryGetSpan(FixTag.ClOrdId, out var clOrdId);
                        message.TryGetSpan(FixTag.Symbol, out var symbol);
                        bool reject = symbol.SequenceEqual("NOPE"u8);
                        var w = Header(output.AsSpan(written, 512), "8"u8, sender, seq++);
                        w.Append(37, ++execId);
                        w.Append(FixTag.ClOrdId, clOrdId);
                        w.Append(17, execId);
                        w.Append(150, reject ? '8' : '0');
                        w.Append(39, reject ? '8' : '0');
                        if (reject)
                        {
                            w.Append(103, 1L);
                        }
                        w.Append(FixTag.Symbol, symbol);
                        written += w.Finish();
                        if (SendTestRequest && !testRequestSent)
                        {
                            testRequestSent = true;
                            var t = Header(output.AsSpan(written, 512), "1"u8, sender, seq++);
                            t.Append(FixTag.TestReqId, "T1"u8);
                            written += t.Finish();
                        }
                    }
                    else if (type.SequenceEqual("0"u8) && message.TryGetSpan(FixTag.TestReqId, out var id) && id.SequenceEqual("T1"u8))
                    {
                        Interlocked.Increment(ref HeartbeatsWithTestReqId);
                    }
                    else if (type.SequenceEqual("5"u8))
                    {
                        var w = Header(output.AsSpan(written, 512), "5"u8, sender, seq++);
                        written += w.Finish();
                        socket.Send(output.AsSpan(0, written));
                        return;
                    }
                    if (written > output.Length - 1024)
                    {
                        socket.Send(output.AsSpan(0, written));
                        written = 0;
                    }
                }
                if (written > 0)
                {
                    socket.Send(output.AsSpan(0, written));
                }
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                end -= start;
                start = 0;
            }
        }
        catch (SocketException)
        {
        }
    }

    private static FixMessageWriter Header(Span<byte> destination, ReadOnlySpan<byte> type, ReadOnlySpan<byte> target, int seq)
    {
        var w = new FixMessageWriter(destination);
        w.Begin(type);
        w.Append(FixTag.SenderCompId, "EXCHANGE"u8);
        w.Append(FixTag.TargetCompId, target);
        w.Append(FixTag.MsgSeqNum, seq);
        w.AppendUtcTimestamp(FixTag.SendingTime, (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100);
        return w;
    }
}
