using System.Net;
using System.Net.Sockets;
using Exchange.Fix.Codec;

namespace Exchange.Fix.Tests.Session;

/// <summary>The counterparty's end of a loopback connection: sends bytes, receives framed messages.</summary>
internal sealed class FixScriptClient : IDisposable
{
    private readonly Socket _socket;
    private readonly FixMessageReader _reader = new();
    private byte[] _buffer = new byte[64 * 1024];
    private int _length;

    public FixScriptClient(IPEndPoint endpoint)
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        _socket.Connect(endpoint);
    }

    public void Send(byte[] bytes) => _socket.Send(bytes);

    /// <summary>The next framed message as text ('|' for SOH); null if the server closed the connection;
    /// throws <see cref="TimeoutException"/> if nothing arrives in time.</summary>
    public string? Receive(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var read = _reader.Read(_buffer.AsSpan(0, _length));
            if (read.Status == FixReadStatus.Complete)
            {
                string text = Codec.FixText.Show(_buffer.AsSpan(0, read.Length));
                Consume(read.Length);
                return text;
            }
            if (read.Status == FixReadStatus.Garbled)
            {
                throw new InvalidDataException($"the server sent a garbled message ({read.GarbleReason}): {Codec.FixText.Show(_buffer.AsSpan(0, _length))}");
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException("no message from the server");
            }
            if (!_socket.Poll((int)Math.Min(left.TotalMicroseconds, int.MaxValue), SelectMode.SelectRead))
            {
                continue;
            }
            if (_length == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
            int n;
            try
            {
                n = _socket.Receive(_buffer, _length, _buffer.Length - _length, SocketFlags.None);
            }
            catch (SocketException)
            {
                n = 0;
            }
            if (n == 0)
            {
                return null;
            }
            _length += n;
        }
    }

    private void Consume(int n)
    {
        Buffer.BlockCopy(_buffer, n, _buffer, 0, _length - n);
        _length -= n;
    }

    /// <summary>Closes with a reset (RST) instead of a FIN: the server's next send to it fails.</summary>
    public void Reset() => _socket.Close(0);

    public void Dispose() => _socket.Dispose();
}
