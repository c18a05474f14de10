using System.Diagnostics;
using System.Net.Sockets;
using Exchange.Binary.Framing;

namespace Exchange.Server.Gateways.Binary;

internal sealed partial class BinaryConnection
{
    /// <summary>Sends the stream from the cursor on whenever woken; a heartbeat when due and nothing else went
    /// out; End of Session at shutdown. The only sender after login.</summary>
    private async Task WriteLoopAsync()
    {
        var stream = _stream!;
        try
        {
            while (!IsClosed)
            {
                await _signal.WaitAsync().ConfigureAwait(false);
                while (!IsClosed)
                {
                    int n = stream.CopyFrom(ref _cursor, _send);
                    if (n < 0)
                    {
                        // A slow reader: its next messages are gone from the ring. It must log in again (and will
                        // learn that the sequence is no longer available).
                        Close();
                        return;
                    }
                    if (n == 0)
                    {
                        if (Volatile.Read(ref _endOfSession) != 0)
                        {
                            n = Packet.WriteEmpty(_send, PacketType.EndOfSession);
                            await SendAsync(n).ConfigureAwait(false);
                            Close();
                            return;
                        }
                        if (Interlocked.Exchange(ref _heartbeatDue, 0) == 0)
                        {
                            break;
                        }
                        n = Packet.WriteEmpty(_send, PacketType.ServerHeartbeat);
                    }
                    await SendAsync(n).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            Close();
        }
    }

    private async ValueTask SendAsync(int length)
    {
        int sent = 0;
        while (sent < length)
        {
            sent += await _socket.SendAsync(_send.AsMemory(sent, length - sent), SocketFlags.None).ConfigureAwait(false);
        }
        Volatile.Write(ref _lastSent, Stopwatch.GetTimestamp());
        Volatile.Write(ref _heartbeatDue, 0);
    }
}
