using System.Diagnostics;
using Exchange.Binary.Framing;
using Exchange.Binary.Messages;

namespace Exchange.Binary.Client;

public sealed partial class BinaryOrderEntryClient
{
    /// <summary>Buffers an Enter Order; sent at once unless <paramref name="flush"/> is false (then at the next
    /// <see cref="Flush"/>, or when the buffer is full) — batching many orders into one write is much cheaper.</summary>
    public void Send(in EnterOrder message, bool flush = true)
    {
        lock (_sendLock)
        {
            message.WriteTo(Reserve(EnterOrder.Length));
            FlushIf(flush);
        }
    }

    public void Send(in CancelOrder message, bool flush = true)
    {
        lock (_sendLock)
        {
            message.WriteTo(Reserve(CancelOrder.Length));
            FlushIf(flush);
        }
    }

    public void Send(in ReplaceOrder message, bool flush = true)
    {
        lock (_sendLock)
        {
            message.WriteTo(Reserve(ReplaceOrder.Length));
            FlushIf(flush);
        }
    }

    public void Send(in MassCancel message, bool flush = true)
    {
        lock (_sendLock)
        {
            message.WriteTo(Reserve(MassCancel.Length));
            FlushIf(flush);
        }
    }

    /// <summary>Sends a Logout Request; the server then closes the connection (<see cref="Receive{THandler}"/>
    /// returns -1 once it has delivered what came before).</summary>
    public void Logout()
    {
        lock (_sendLock)
        {
            Packet.WriteEmpty(ReserveRaw(Packet.HeaderLength), PacketType.LogoutRequest);
            FlushLocked();
        }
    }

    /// <summary>Sends whatever is buffered.</summary>
    public void Flush()
    {
        lock (_sendLock)
        {
            FlushLocked();
        }
    }

    private void SendHeartbeatIfIdle()
    {
        try
        {
            lock (_sendLock)
            {
                if (Stopwatch.GetElapsedTime(_lastSend) >= HeartbeatInterval && !_ended)
                {
                    Packet.WriteEmpty(ReserveRaw(Packet.HeaderLength), PacketType.ClientHeartbeat);
                    FlushLocked();
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The receiving side sees the broken connection; a timer thread has no one to tell.
        }
    }

    /// <summary>Room for an unsequenced-data packet carrying a message of <paramref name="messageLength"/> bytes.</summary>
    private Span<byte> Reserve(int messageLength)
    {
        var packet = ReserveRaw(Packet.HeaderLength + messageLength);
        Packet.WriteHeader(packet, PacketType.UnsequencedData, messageLength);
        return packet[Packet.HeaderLength..];
    }

    private Span<byte> ReserveRaw(int length)
    {
        if (_sendLength + length > _send.Length)
        {
            FlushLocked();
        }
        var span = _send.AsSpan(_sendLength, length);
        _sendLength += length;
        return span;
    }

    private void FlushIf(bool flush)
    {
        if (flush)
        {
            FlushLocked();
        }
    }

    /// <summary>Throws <see cref="IOException"/> if the connection is broken (the buffer is then dropped).</summary>
    private void FlushLocked()
    {
        int sent = 0;
        try
        {
            while (sent < _sendLength)
            {
                sent += _socket.Send(_send.AsSpan(sent, _sendLength - sent));
            }
        }
        catch (System.Net.Sockets.SocketException e)
        {
            _sendLength = 0;
            throw new IOException($"The connection failed: {e.SocketErrorCode}", e);
        }
        _sendLength = 0;
        _lastSend = Stopwatch.GetTimestamp();
    }
}
