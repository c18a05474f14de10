using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Exchange.Binary.Framing;
using Exchange.Binary.Messages;

namespace Exchange.Binary.Client;

/// <summary>A client of the binary order-entry protocol (docs/binary-protocol.md): logs in, sends orders and
/// hands the server's sequenced messages to a handler, counting sequence numbers so a reconnect can ask for a
/// replay from <see cref="NextSequence"/>. Sends a heartbeat after a second without sending.
/// Thread-safety: the Send methods and <see cref="Flush"/> may be called from any thread (they take a lock);
/// <see cref="Receive{THandler}"/> from one thread at a time. No allocation per message.</summary>
public sealed partial class BinaryOrderEntryClient : IDisposable
{
    /// <summary>How long either side may stay silent before the other sends a heartbeat.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(1);

    /// <summary>Silence after which a connection is considered dead.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(15);

    private readonly Socket _socket;
    private readonly byte[] _receive = new byte[64 * 1024];
    private int _receiveStart;
    private int _receiveEnd;
    private readonly Lock _sendLock = new();
    private readonly byte[] _send = new byte[64 * 1024];
    private int _sendLength;
    private long _lastSend;
    private readonly Timer _heartbeat;
    private bool _ended;

    private BinaryOrderEntryClient(Socket socket, LoginAccepted login)
    {
        _socket = socket;
        Login = login;
        NextSequence = login.NextSequence;
        _lastSend = Stopwatch.GetTimestamp();
        _heartbeat = new Timer(_ => SendHeartbeatIfIdle(), null, HeartbeatInterval / 4, HeartbeatInterval / 4);
    }

    /// <summary>What the server answered to the login.</summary>
    public LoginAccepted Login { get; }

    /// <summary>The sequence number of the next sequenced message <see cref="Receive{THandler}"/> will deliver;
    /// ask for it when reconnecting to the same stream instance to miss nothing.</summary>
    public ulong NextSequence { get; private set; }

    /// <summary>True once the server sent End of Session or closed the connection.</summary>
    public bool Ended => _ended;

    /// <summary>Connects and logs in. Throws <see cref="BinaryLoginException"/> if the server refuses, or
    /// <see cref="IOException"/>/<see cref="SocketException"/> if the connection fails or times out.</summary>
    public static BinaryOrderEntryClient Connect(EndPoint endpoint, LoginRequest login, TimeSpan? timeout = null)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.ReceiveTimeout = (int)(timeout ?? IdleTimeout).TotalMilliseconds;
            socket.SendTimeout = (int)IdleTimeout.TotalMilliseconds;
            socket.Connect(endpoint);
            Span<byte> request = stackalloc byte[Packet.HeaderLength + LoginRequest.Length];
            Packet.WriteHeader(request, PacketType.LoginRequest, LoginRequest.Length);
            login.WriteTo(request[Packet.HeaderLength..]);
            socket.Send(request);

            // The answer is one packet; anything after it (replayed messages) stays for Receive.
            var buffer = new byte[64 * 1024];
            int end = 0;
            while (true)
            {
                var status = Packet.TryRead(buffer.AsSpan(0, end), out var type, out var payload, out int consumed);
                if (status == PacketStatus.Invalid)
                {
                    throw new IOException("Malformed packet from the server.");
                }
                if (status == PacketStatus.Complete)
                {
                    if (type == PacketType.LoginRejected && payload.Length == 1)
                    {
                        throw new BinaryLoginException((LoginRejectReason)payload[0]);
                    }
                    if (type != PacketType.LoginAccepted || !LoginAccepted.TryRead(payload, out var accepted))
                    {
                        throw new IOException($"Unexpected packet '{(char)type}' in answer to the login.");
                    }
                    socket.ReceiveTimeout = (int)IdleTimeout.TotalMilliseconds;
                    var client = new BinaryOrderEntryClient(socket, accepted);
                    buffer.AsSpan(consumed, end - consumed).CopyTo(client._receive);
                    client._receiveEnd = end - consumed;
                    return client;
                }
                int n = socket.Receive(buffer.AsSpan(end));
                if (n == 0)
                {
                    throw new IOException("The server closed the connection during login.");
                }
                end += n;
            }
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _heartbeat.Dispose();
        _socket.Dispose();
    }
}
