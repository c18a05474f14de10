using System.Net.Sockets;
using Exchange.Binary.Framing;
using Exchange.Binary.Messages;

namespace Exchange.Binary.Client;

public sealed partial class BinaryOrderEntryClient
{
    /// <summary>Waits for data from the server and hands every complete sequenced message to
    /// <paramref name="handler"/>. Returns how many it delivered (0 if only heartbeats came), or -1 once the
    /// connection has ended (End of Session, or closed by the server). Throws <see cref="IOException"/> if the
    /// server stays silent longer than <see cref="IdleTimeout"/> or sends something malformed.</summary>
    public int Receive<THandler>(ref THandler handler) where THandler : IServerMessageHandler
    {
        if (_ended)
        {
            return -1;
        }
        int delivered = Dispatch(ref handler);
        if (delivered > 0 || _ended)
        {
            return _ended && delivered == 0 ? -1 : delivered;
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
        catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
        {
            throw new IOException("The server was silent for longer than the idle timeout.", e);
        }
        catch (SocketException e)
        {
            _ended = true;
            throw new IOException($"The connection failed: {e.SocketErrorCode}", e);
        }
        if (n == 0)
        {
            _ended = true;
            return -1;
        }
        _receiveEnd += n;
        return Dispatch(ref handler);
    }

    private int Dispatch<THandler>(ref THandler handler) where THandler : IServerMessageHandler
    {
        int delivered = 0;
        while (!_ended)
        {
            var status = Packet.TryRead(_receive.AsSpan(_receiveStart, _receiveEnd - _receiveStart), out var type, out var payload, out int consumed);
            if (status == PacketStatus.NeedMoreData)
            {
                break;
            }
            if (status == PacketStatus.Invalid)
            {
                throw new IOException("Malformed packet length from the server.");
            }
            _receiveStart += consumed;
            switch (type)
            {
                case PacketType.SequencedData:
                    Deliver(ref handler, payload);
                    delivered++;
                    break;
                case PacketType.EndOfSession:
                    _ended = true;
                    break;
                case PacketType.ServerHeartbeat:
                    break;
                default:
                    throw new IOException($"Unexpected packet type '{(char)type}' from the server.");
            }
        }
        return delivered;
    }

    private void Deliver<THandler>(ref THandler handler, ReadOnlySpan<byte> m) where THandler : IServerMessageHandler
    {
        ulong sequence = NextSequence++;
        bool ok = m.Length > 0;
        if (ok)
        {
            switch ((ServerMessageType)m[0])
            {
                case ServerMessageType.OrderAccepted when OrderAccepted.TryRead(m, out var a):
                    handler.OnAccepted(sequence, in a);
                    break;
                case ServerMessageType.OrderRejected when OrderRejected.TryRead(m, out var j):
                    handler.OnRejected(sequence, in j);
                    break;
                case ServerMessageType.OrderExecuted when OrderExecuted.TryRead(m, out var e):
                    handler.OnExecuted(sequence, in e);
                    break;
                case ServerMessageType.OrderCanceled when OrderCanceled.TryRead(m, out var c):
                    handler.OnCanceled(sequence, in c);
                    break;
                case ServerMessageType.OrderReplaced when OrderReplaced.TryRead(m, out var u):
                    handler.OnReplaced(sequence, in u);
                    break;
                case ServerMessageType.OrderRestated when OrderRestated.TryRead(m, out var r):
                    handler.OnRestated(sequence, in r);
                    break;
                case ServerMessageType.MassCanceled when MassCanceled.TryRead(m, out var k):
                    handler.OnMassCanceled(sequence, in k);
                    break;
                default:
                    ok = false;
                    break;
            }
        }
        if (!ok)
        {
            throw new IOException($"Malformed or unknown server message at sequence {sequence}.");
        }
    }
}
