using System.Diagnostics;
using System.Net.Sockets;
using Exchange.Binary.Framing;

namespace Exchange.Server.Gateways.Binary;

internal sealed partial class BinaryConnection
{
    // Whoever holds this (1) is the only one copying from the stream and writing to the socket: the writer loop, or
    // a responder thread in SendNow. _send[_pendingOffset.._pendingOffset + _pendingLength) is what a SendNow could
    // not write without blocking; the writer sends it first.
    private int _sending;
    private int _live; // 1 once the login answer is out: nothing sequenced may precede it
    private int _pendingOffset;
    private int _pendingLength;

    /// <summary>A responder thread at the end of its batch: writes what the stream holds for this connection right
    /// here — no wake-up of the writer, one system call for the batch — if nobody else is writing and the socket
    /// takes it without blocking (the socket is non-blocking after login). Anything else is left to the writer.</summary>
    public void SendNow()
    {
        var stream = _stream;
        if (Volatile.Read(ref _live) == 0 || stream is null || IsClosed)
        {
            return; // not logged in yet: the writer sends everything once it starts
        }
        if (Interlocked.CompareExchange(ref _sending, 1, 0) != 0)
        {
            Wake(); // the holder sends it, or sees it when it lets go (below)
            return;
        }
        bool wake = false;
        try
        {
            while (_pendingLength == 0)
            {
                int n = stream.CopyFrom(ref _cursor, _send);
                if (n < 0)
                {
                    Close(); // a slow reader, as in the writer loop
                    return;
                }
                if (n == 0)
                {
                    break;
                }
                int sent = _socket.Send(_send.AsSpan(0, n), SocketFlags.None, out var error);
                if (error is not SocketError.Success and not SocketError.WouldBlock)
                {
                    Close();
                    return;
                }
                if (error == SocketError.Success)
                {
                    Volatile.Write(ref _lastSent, Stopwatch.GetTimestamp());
                    Volatile.Write(ref _heartbeatDue, 0);
                }
                else
                {
                    sent = 0;
                }
                if (sent < n)
                {
                    (_pendingOffset, _pendingLength) = (sent, n - sent);
                }
            }
            wake = _pendingLength > 0;
        }
        catch (ObjectDisposedException)
        {
            return;
        }
        finally
        {
            Volatile.Write(ref _sending, 0);
        }
        // Whatever arrived, or was asked of the writer, while this thread held the socket: the writer's wake-up may
        // have found it taken.
        if (wake || stream.HasMessagesFrom(Cursor) || Volatile.Read(ref _heartbeatDue) != 0 || Volatile.Read(ref _endOfSession) != 0)
        {
            Wake();
        }
    }

    /// <summary>Sends the stream from the cursor on whenever woken; a heartbeat when due and nothing else went
    /// out; End of Session at shutdown. After login, it and <see cref="SendNow"/> are the only senders.</summary>
    private async Task WriteLoopAsync()
    {
        var stream = _stream!;
        try
        {
            while (!IsClosed)
            {
                await _signal.WaitAsync().ConfigureAwait(false);
                if (Interlocked.CompareExchange(ref _sending, 1, 0) != 0)
                {
                    continue; // a responder is sending; it wakes us again if anything is left when it lets go
                }
                try
                {
                    if (await WriteAvailableAsync(stream).ConfigureAwait(false))
                    {
                        return;
                    }
                }
                finally
                {
                    Volatile.Write(ref _sending, 0);
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            Close();
        }
    }

    /// <summary>Holding <see cref="_sending"/>: sends what SendNow left, then the stream from the cursor on, then a
    /// due heartbeat or the End of Session. True when the connection is over.</summary>
    private async ValueTask<bool> WriteAvailableAsync(BinaryStream stream)
    {
        if (_pendingLength > 0)
        {
            await SendAsync(_pendingOffset, _pendingLength).ConfigureAwait(false);
            _pendingLength = 0;
        }
        while (!IsClosed)
        {
            int n = stream.CopyFrom(ref _cursor, _send);
            if (n < 0)
            {
                // A slow reader: its next messages are gone from the ring. It must log in again (and will
                // learn that the sequence is no longer available).
                Close();
                return true;
            }
            if (n == 0)
            {
                if (Volatile.Read(ref _endOfSession) != 0)
                {
                    n = Packet.WriteEmpty(_send, PacketType.EndOfSession);
                    await SendAsync(0, n).ConfigureAwait(false);
                    Close();
                    return true;
                }
                if (Interlocked.Exchange(ref _heartbeatDue, 0) == 0)
                {
                    return false;
                }
                n = Packet.WriteEmpty(_send, PacketType.ServerHeartbeat);
            }
            await SendAsync(0, n).ConfigureAwait(false);
        }
        return true;
    }

    private async ValueTask SendAsync(int offset, int length)
    {
        int end = offset + length;
        while (offset < end)
        {
            offset += await _socket.SendAsync(_send.AsMemory(offset, end - offset), SocketFlags.None).ConfigureAwait(false);
        }
        Volatile.Write(ref _lastSent, Stopwatch.GetTimestamp());
        Volatile.Write(ref _heartbeatDue, 0);
    }
}
