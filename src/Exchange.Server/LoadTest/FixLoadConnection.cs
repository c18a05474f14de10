using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Exchange.Core.Domain;
using Exchange.Fix.Codec;

namespace Exchange.Server.LoadTest;

/// <summary>A load-generating FIX 4.4 initiator over the FIX codec: Logon (SenderCompID = the account,
/// Username/Password 553/554, ResetSeqNumFlag so every run starts at 1), NewOrderSingle out, ExecutionReports
/// in (ExecType New or Rejected acknowledge an order), Heartbeat for a TestRequest and when idle, Logout.
/// It is a load generator, not a FIX engine: no resend, no gap detection.</summary>
internal sealed class FixLoadConnection : ILoadConnection
{
    private const int HeartbeatSeconds = 30;
    private const int MaxMessage = 512;

    private readonly Socket _socket;
    private readonly LoadConnectionStats _stats;
    private readonly LoadOrderIds _ids;
    private readonly byte[] _sender;
    private readonly byte[] _target;
    private readonly byte[] _symbol;
    private readonly Lock _sendLock = new();
    private readonly byte[] _send = new byte[64 * 1024];
    private readonly byte[] _clOrdId = new byte[ClientOrderId.MaxLength];
    private readonly byte[] _testReqId = new byte[64];
    private int _sendLength;
    private int _nextOutgoing = 1;
    private long _lastSend = Stopwatch.GetTimestamp();
    private readonly FixMessageReader _reader = new();
    private readonly FixMessage _message;
    private readonly byte[] _receive = new byte[256 * 1024];
    private int _receiveStart;
    private int _receiveEnd;
    private readonly Timer _heartbeat;
    private bool _ended;

    public FixLoadConnection(EndPoint endpoint, string account, string password, string targetCompId, LoadConnectionStats stats, LoadOrderIds ids, string symbol)
    {
        _stats = stats;
        _ids = ids;
        _sender = Encoding.ASCII.GetBytes(account);
        _target = Encoding.ASCII.GetBytes(targetCompId);
        _symbol = Encoding.ASCII.GetBytes(symbol);
        _message = new FixMessage(_reader.MaxMessageLength);
        _socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            _socket.ReceiveTimeout = 15_000;
            _socket.Connect(endpoint);
            lock (_sendLock)
            {
                var w = Begin("A"u8);
                w.Append(98, 0L); // EncryptMethod: none
                w.Append(FixTag.HeartBtInt, HeartbeatSeconds);
                w.Append(FixTag.ResetSeqNumFlag, true);
                w.Append(FixTag.Username, _sender);
                w.AppendString(FixTag.Password, password);
                End(ref w);
                FlushLocked();
            }
            WaitForLogon();
            _socket.ReceiveTimeout = HeartbeatSeconds * 2 * 1000;
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
        _heartbeat = new Timer(_ => HeartbeatIfIdle(), null, 1000, 1000);
    }

    private void WaitForLogon()
    {
        while (true)
        {
            if (!ReadMessage())
            {
                throw new IOException("The FIX acceptor closed the connection during logon.");
            }
            var type = _message.MsgType;
            if (type.SequenceEqual("A"u8))
            {
                return;
            }
            if (type.SequenceEqual("5"u8))
            {
                _message.TryGetString(FixTag.Text, out var text);
                throw new IOException($"Logon refused: {text}");
            }
        }
    }

    public void Send(in LoadOrder order, ClientOrderId id)
    {
        lock (_sendLock)
        {
            var clOrdId = _clOrdId.AsSpan();
            id.WriteTo(clOrdId);
            int length = clOrdId.IndexOf((byte)0);
            var w = Begin("D"u8);
            w.Append(FixTag.ClOrdId, clOrdId[..(length < 0 ? clOrdId.Length : length)]);
            w.Append(FixTag.Symbol, _symbol);
            w.Append(FixTag.Side, order.Side == Side.Buy ? '1' : '2');
            w.AppendUtcTimestamp(FixTag.TransactTime, NowNanos());
            w.Append(FixTag.OrderQty, order.Quantity);
            w.Append(FixTag.OrdType, order.Market ? '1' : '2');
            if (!order.Market)
            {
                w.AppendFixedPoint(FixTag.Price, order.Price);
            }
            w.Append(FixTag.TimeInForce, order.Market ? '3' : '1'); // IOC, GTC
            End(ref w);
        }
    }

    public void Flush()
    {
        lock (_sendLock)
        {
            FlushLocked();
        }
    }

    public bool Receive()
    {
        if (!ReadMessage())
        {
            return false;
        }
        Handle();
        // Everything else already buffered, without blocking again.
        while (TryReadBuffered())
        {
            Handle();
        }
        return !_ended;
    }

    public void Logout()
    {
        lock (_sendLock)
        {
            var w = Begin("5"u8);
            End(ref w);
            FlushLocked();
        }
    }

    public string RejectReasonName(int code) => code switch
    {
        0 => "OrdRejReason 0 (broker option)",
        1 => "OrdRejReason 1 (unknown symbol)",
        2 => "OrdRejReason 2 (exchange closed)",
        3 => "OrdRejReason 3 (order exceeds limit)",
        5 => "OrdRejReason 5 (unknown order)",
        6 => "OrdRejReason 6 (duplicate order)",
        99 => "OrdRejReason 99 (other)",
        LoadConnectionStats.MaxReasonCode => "no OrdRejReason",
        _ => $"OrdRejReason {code}",
    };

    public void Dispose()
    {
        _heartbeat?.Dispose();
        _socket.Dispose();
    }

    private void Handle()
    {
        var type = _message.MsgType;
        if (type.SequenceEqual("8"u8))
        {
            if (!_message.TryGetChar(150, out char execType) || (execType != '0' && execType != '8'))
            {
                return;
            }
            if (_message.TryGetSpan(FixTag.ClOrdId, out var clOrdId) && _ids.TryParse(clOrdId, out long number) && _stats.Owns(number))
            {
                int reason = execType == '8' ? (_message.TryGetInt(103, out int r) ? r : LoadConnectionStats.MaxReasonCode) : 0;
                _stats.OnAcknowledged(number, execType == '8', reason);
            }
        }
        else if (type.SequenceEqual("1"u8))
        {
            _message.TryGetSpan(FixTag.TestReqId, out var id);
            lock (_sendLock)
            {
                var copy = _testReqId.AsSpan(0, Math.Min(id.Length, _testReqId.Length));
                id[..copy.Length].CopyTo(copy);
                var w = Begin("0"u8);
                if (!copy.IsEmpty)
                {
                    w.Append(FixTag.TestReqId, copy);
                }
                End(ref w);
                FlushLocked();
            }
        }
        else if (type.SequenceEqual("5"u8))
        {
            _ended = true;
        }
        else if (type.SequenceEqual("3"u8) || type.SequenceEqual("j"u8))
        {
            _message.TryGetString(FixTag.Text, out var text);
            _stats.Error ??= $"FIX {(type[0] == '3' ? "session Reject" : "BusinessMessageReject")}: {text}";
        }
    }

    /// <summary>Blocks until one whole valid message is parsed into <see cref="_message"/>; false at end of stream.</summary>
    private bool ReadMessage()
    {
        while (true)
        {
            if (TryReadBuffered())
            {
                return true;
            }
            if (_receiveStart > 0)
            {
                _receive.AsSpan(_receiveStart, _receiveEnd - _receiveStart).CopyTo(_receive);
                _receiveEnd -= _receiveStart;
                _receiveStart = 0;
            }
            int n;
            try
            {
                n = _socket.Receive(_receive.AsSpan(_receiveEnd));
            }
            catch (SocketException e)
            {
                throw new IOException($"FIX connection failed: {e.SocketErrorCode}", e);
            }
            if (n == 0)
            {
                _ended = true;
                return false;
            }
            _receiveEnd += n;
        }
    }

    private bool TryReadBuffered()
    {
        while (_receiveEnd > _receiveStart)
        {
            var buffer = _receive.AsSpan(_receiveStart, _receiveEnd - _receiveStart);
            var result = _reader.Read(buffer);
            if (result.Status == FixReadStatus.NeedMoreData)
            {
                return false;
            }
            _receiveStart += result.Length;
            if (result.Status == FixReadStatus.Complete && _message.Parse(buffer[..result.Length]).IsValid)
            {
                return true;
            }
        }
        return false;
    }

    private void HeartbeatIfIdle()
    {
        try
        {
            lock (_sendLock)
            {
                if (!_ended && Stopwatch.GetElapsedTime(_lastSend) >= TimeSpan.FromSeconds(HeartbeatSeconds - 1))
                {
                    var w = Begin("0"u8);
                    End(ref w);
                    FlushLocked();
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException)
        {
            // The receiving thread sees the broken connection.
        }
    }

    /// <summary>Starts a message with the standard header; caller holds the send lock.</summary>
    private FixMessageWriter Begin(ReadOnlySpan<byte> msgType)
    {
        if (_sendLength + MaxMessage > _send.Length)
        {
            FlushLocked();
        }
        var w = new FixMessageWriter(_send.AsSpan(_sendLength, MaxMessage));
        w.Begin(msgType);
        w.Append(FixTag.SenderCompId, _sender);
        w.Append(FixTag.TargetCompId, _target);
        w.Append(FixTag.MsgSeqNum, _nextOutgoing++);
        w.AppendUtcTimestamp(FixTag.SendingTime, NowNanos());
        return w;
    }

    private void End(ref FixMessageWriter w) => _sendLength += w.Finish();

    private void FlushLocked()
    {
        int sent = 0;
        while (sent < _sendLength)
        {
            sent += _socket.Send(_send.AsSpan(sent, _sendLength - sent));
        }
        _sendLength = 0;
        _lastSend = Stopwatch.GetTimestamp();
    }

    private static long NowNanos() => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100;
}
