using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Exchange.Fix.Codec;

namespace Exchange.Server.Tests.Gateways.Fix;

/// <summary>A minimal FIX 4.4 counterparty over loopback for gateway tests: numbers, frames and sends messages
/// given as "tag=value|…" text; receives messages as tag → value dictionaries.</summary>
internal sealed class FixTestClient : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly Socket _socket;
    private readonly string _sender;
    private readonly FixMessageReader _reader = new();
    private byte[] _buffer = new byte[256 * 1024];
    private int _length;

    public FixTestClient(IPEndPoint endpoint, string sender, int nextSeqNum = 1)
    {
        _sender = sender;
        NextSeqNum = nextSeqNum;
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        _socket.Connect(endpoint);
    }

    public int NextSeqNum { get; set; }

    public List<Dictionary<int, string>> Received { get; } = [];

    /// <summary>Logs on as SenderCompID <paramref name="account"/> (ResetSeqNumFlag unless told otherwise; Username
    /// <paramref name="username"/>, by default the CompID) and waits for the Logon reply.</summary>
    public static FixTestClient LogOn(IPEndPoint endpoint, string account, string password = "demo", bool reset = true, int nextSeqNum = 1,
        string? username = null)
    {
        var client = new FixTestClient(endpoint, account, nextSeqNum);
        client.Send($"35=A|98=0|108=30|553={username ?? account}|554={password}" + (reset ? "|141=Y" : ""));
        client.WaitFor(m => m[35] == "A");
        return client;
    }

    public void Send(string fields)
    {
        int bar = fields.IndexOf('|', StringComparison.Ordinal);
        string type = bar < 0 ? fields : fields[..bar];
        string rest = bar < 0 ? "" : fields[bar..];
        string now = DateTime.UtcNow.ToString("yyyyMMdd-HH:mm:ss.fff", CultureInfo.InvariantCulture);
        string body = $"{type}|49={_sender}|56=EXCHANGE|34={NextSeqNum++}|52={now}{rest}|".Replace('|', '\u0001');
        string head = $"8=FIX.4.4\u00019={Encoding.ASCII.GetByteCount(body)}\u0001";
        int sum = Encoding.ASCII.GetBytes(head + body).Sum(b => b) % 256;
        _socket.Send(Encoding.ASCII.GetBytes($"{head}{body}10={sum:D3}\u0001"));
    }

    /// <summary>The first message received (now or already) that matches; it is removed from <see cref="Received"/>.</summary>
    public Dictionary<int, string> WaitFor(Func<Dictionary<int, string>, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Timeout);
        while (true)
        {
            int index = Received.FindIndex(m => match(m));
            if (index >= 0)
            {
                var found = Received[index];
                Received.RemoveAt(index);
                return found;
            }
            if (!ReceiveOne(deadline))
            {
                throw new TimeoutException("no matching message; received:\n" + string.Join('\n', Received.Select(Show)));
            }
        }
    }

    /// <summary>True if the server closes the connection in time.</summary>
    public bool WaitForDisconnect()
    {
        var deadline = DateTime.UtcNow + Timeout;
        try
        {
            while (ReceiveOne(deadline))
            {
            }
        }
        catch (IOException)
        {
            return true;
        }
        return false;
    }

    /// <summary>Whether anything matching arrives within <paramref name="wait"/>.</summary>
    public bool Receives(Func<Dictionary<int, string>, bool> match, TimeSpan wait)
    {
        try
        {
            WaitFor(match, wait);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public static string Show(Dictionary<int, string> message) => string.Join('|', message.Select(f => $"{f.Key}={f.Value}"));

    // Reads one message into Received; false on timeout; IOException when the server closed the connection.
    private bool ReceiveOne(DateTime deadline)
    {
        while (true)
        {
            var read = _reader.Read(_buffer.AsSpan(0, _length));
            if (read.Status == FixReadStatus.Complete)
            {
                var message = new Dictionary<int, string>();
                foreach (string field in Encoding.ASCII.GetString(_buffer, 0, read.Length).Split('\u0001', StringSplitOptions.RemoveEmptyEntries))
                {
                    int eq = field.IndexOf('=', StringComparison.Ordinal);
                    message.TryAdd(int.Parse(field[..eq], CultureInfo.InvariantCulture), field[(eq + 1)..]);
                }
                Buffer.BlockCopy(_buffer, read.Length, _buffer, 0, _length - read.Length);
                _length -= read.Length;
                Received.Add(message);
                return true;
            }
            Assert.NotEqual(FixReadStatus.Garbled, read.Status);
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !_socket.Poll((int)left.TotalMicroseconds, SelectMode.SelectRead))
            {
                return false;
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
                throw new IOException("the server closed the connection");
            }
            _length += n;
        }
    }

    public void Dispose() => _socket.Dispose();
}
