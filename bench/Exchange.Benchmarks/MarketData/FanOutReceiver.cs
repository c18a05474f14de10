using System.Net.Sockets;

namespace Exchange.Benchmarks.MarketData;

/// <summary>One receiving thread of the fan-out clients: its connections are non-blocking and watched by one epoll set;
/// each wake-up reads only the sockets with data (one receive each into a shared buffer) and parses their frames.</summary>
internal sealed class FanOutReceiver
{
    private readonly List<FanOutConnection> _connections = [];
    private readonly Epoll _epoll = new();
    private readonly FanOutConnection.MessageHandler _onMessage;
    private readonly Thread _thread;
    private volatile bool _stop;

    public FanOutReceiver(int index, FanOutConnection.MessageHandler onMessage)
    {
        _onMessage = onMessage;
        _thread = new Thread(Run) { IsBackground = true, Name = $"fanout-receiver-{index}" };
    }

    public int Closed { get; private set; }

    /// <summary>Before <see cref="Start"/>: the connection is read by this thread from now on.</summary>
    public void Add(FanOutConnection connection, ReadOnlySpan<byte> leftover)
    {
        connection.Socket.Blocking = false;
        connection.Feed(leftover, _onMessage);
        _epoll.Add(connection.Fd, _connections.Count);
        _connections.Add(connection);
    }

    public void Start() => _thread.Start();

    public void Stop()
    {
        _stop = true;
        _thread.Join();
        foreach (var c in _connections)
        {
            c.Socket.Dispose();
        }
        _epoll.Dispose();
    }

    private void Run()
    {
        var events = new Epoll.EpollEvent[512];
        var buffer = new byte[64 * 1024];
        while (!_stop)
        {
            int n = _epoll.Wait(events, 100);
            for (int i = 0; i < n; i++)
            {
                var connection = _connections[(int)events[i].Data];
                if (connection.Closed)
                {
                    continue;
                }
                int read = connection.Socket.Receive(buffer, 0, buffer.Length, SocketFlags.None, out var error);
                if (error == SocketError.WouldBlock)
                {
                    continue;
                }
                if (error != SocketError.Success || read == 0)
                {
                    connection.MarkClosed();
                }
                else
                {
                    connection.Feed(buffer.AsSpan(0, read), _onMessage);
                }
                if (connection.Closed)
                {
                    Closed++;
                    _epoll.Remove(connection.Fd); // level-triggered: an ended socket would stay readable
                }
            }
        }
    }
}
