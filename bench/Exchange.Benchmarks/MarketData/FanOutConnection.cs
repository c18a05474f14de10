using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Exchange.Benchmarks.MarketData;

/// <summary>One fan-out client: a plain socket that does the WebSocket handshake (RFC 6455: key, 101, accept hash),
/// sends masked text frames, and parses the server's frames incrementally as bytes arrive. Only a sampled connection
/// keeps message payloads (to decode them); the others count frames, skipping payload bytes. Pings are answered with
/// pongs (the server drops a connection that does not answer its keep-alive).</summary>
internal sealed class FanOutConnection
{
    private static readonly byte[] Guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"u8.ToArray();

    private readonly byte[] _header = new byte[14];
    private int _headerLength;
    private long _remaining;
    private bool _inPayload;
    private byte _opcode;
    private bool _fin;
    private byte[]? _payload; // sampled data frames, and control frames (≤ 125 bytes)
    private int _payloadLength;
    private long _messageLength;

    private FanOutConnection(Socket socket, bool sampled)
    {
        Socket = socket;
        Sampled = sampled;
        Fd = (int)socket.Handle;
    }

    public Socket Socket { get; }

    public int Fd { get; }

    public bool Sampled { get; }

    /// <summary>The server's close frame arrived, or the socket ended.</summary>
    public bool Closed { get; private set; }

    public void MarkClosed() => Closed = true;

    /// <summary>Connects and completes the handshake (blocking); bytes that followed the 101 answer are parsed later.</summary>
    public static FanOutConnection Connect(Uri url, bool sampled, out byte[] leftover)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(IPAddress.Parse(url.Host), url.Port);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        socket.Send(Encoding.ASCII.GetBytes(
            $"GET {url.AbsolutePath} HTTP/1.1\r\nHost: {url.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"));
        var buffer = new byte[4096];
        int length = 0, end;
        while ((end = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8)) < 0)
        {
            int n = socket.Receive(buffer, length, buffer.Length - length, SocketFlags.None);
            if (n == 0 || length + n == buffer.Length)
            {
                throw new InvalidOperationException("no handshake answer");
            }
            length += n;
        }
        var answer = Encoding.ASCII.GetString(buffer, 0, end);
        var accept = Convert.ToBase64String(SHA1.HashData([.. Encoding.ASCII.GetBytes(key), .. Guid]));
        if (!answer.StartsWith("HTTP/1.1 101", StringComparison.Ordinal) ||
            !answer.Contains($"Sec-WebSocket-Accept: {accept}", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"bad handshake answer: {answer}");
        }
        leftover = buffer[(end + 4)..length];
        return new FanOutConnection(socket, sampled);
    }

    /// <summary>Sends a text message as one masked frame (client frames must be masked); payload under 64 KiB.</summary>
    public void SendText(string text) => SendFrame(0x1, Encoding.UTF8.GetBytes(text));

    private void SendFrame(byte opcode, ReadOnlySpan<byte> payload)
    {
        Span<byte> frame = stackalloc byte[8 + payload.Length];
        frame[0] = (byte)(0x80 | opcode);
        int at;
        if (payload.Length < 126)
        {
            frame[1] = (byte)(0x80 | payload.Length);
            at = 2;
        }
        else
        {
            frame[1] = 0x80 | 126;
            BinaryPrimitives.WriteUInt16BigEndian(frame[2..], (ushort)payload.Length);
            at = 4;
        }
        var mask = frame.Slice(at, 4);
        RandomNumberGenerator.Fill(mask);
        at += 4;
        for (int i = 0; i < payload.Length; i++)
        {
            frame[at + i] = (byte)(payload[i] ^ mask[i & 3]);
        }
        Socket.Send(frame[..(at + payload.Length)], SocketFlags.None, out _); // a pong that does not fit is dropped
    }

    /// <summary>Parses received bytes; <paramref name="onMessage"/> gets each complete data message: its length, and its
    /// payload only if binary on a sampled connection (else empty).</summary>
    public void Feed(ReadOnlySpan<byte> data, MessageHandler onMessage)
    {
        while (!data.IsEmpty)
        {
            if (!_inPayload)
            {
                _header[_headerLength++] = data[0];
                data = data[1..];
                if (_headerLength < 2)
                {
                    continue;
                }
                int len7 = _header[1] & 0x7F;
                int need = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + ((_header[1] & 0x80) != 0 ? 4 : 0);
                if (_headerLength < need)
                {
                    continue;
                }
                _fin = (_header[0] & 0x80) != 0;
                byte opcode = (byte)(_header[0] & 0x0F);
                if (opcode != 0)
                {
                    _opcode = opcode; // a continuation keeps the message's opcode
                }
                _remaining = len7 == 126 ? BinaryPrimitives.ReadUInt16BigEndian(_header.AsSpan(2))
                    : len7 == 127 ? (long)BinaryPrimitives.ReadUInt64BigEndian(_header.AsSpan(2)) : len7;
                _headerLength = 0;
                _inPayload = true;
                if (opcode != 0)
                {
                    _payloadLength = 0; // a new message (or control frame) starts; the server does not fragment
                }
                if (opcode < 8)
                {
                    _messageLength = opcode == 0 ? _messageLength + _remaining : _remaining;
                }
            }
            else
            {
                int take = (int)Math.Min(_remaining, data.Length);
                if (Keeps(_opcode))
                {
                    if (_payload is null || _payload.Length - _payloadLength < take)
                    {
                        Array.Resize(ref _payload, Math.Max(256, 2 * (_payloadLength + take)));
                    }
                    data[..take].CopyTo(_payload.AsSpan(_payloadLength));
                    _payloadLength += take;
                }
                _remaining -= take;
                data = data[take..];
            }
            if (_inPayload && _remaining == 0)
            {
                _inPayload = false;
                if (_opcode >= 8)
                {
                    OnControl();
                }
                else if (_fin)
                {
                    // Protobuf updates are binary; heartbeats are JSON text (not decoded).
                    onMessage(this, _messageLength, Sampled && _opcode == 0x2 ? _payload.AsSpan(0, _payloadLength) : default);
                    _payloadLength = 0;
                }
            }
        }
    }

    /// <summary>A complete data message of <paramref name="connection"/>.</summary>
    public delegate void MessageHandler(FanOutConnection connection, long length, ReadOnlySpan<byte> payload);

    private bool Keeps(byte opcode) => Sampled || opcode >= 8;

    private void OnControl()
    {
        switch (_opcode)
        {
            case 0x8:
                Closed = true;
                break;
            case 0x9:
                SendFrame(0xA, _payload.AsSpan(0, _payloadLength));
                break;
        }
        _payloadLength = 0;
    }
}
