using System.Net;
using System.Net.Sockets;
using System.Text;
using Exchange.Fix.Session;

namespace Exchange.Fix.Transport;

/// <summary>A FIX acceptor: listens on a TCP endpoint and hands each connection to the configured
/// <see cref="FixSession"/> its Logon names (by SenderCompID and TargetCompID). One connection per session.
/// Start once, Stop once; thread-safe.</summary>
public sealed class FixAcceptor : IAsyncDisposable
{
    private readonly IPEndPoint _endpoint;
    private readonly Dictionary<(string Sender, string Target), FixSession> _sessions;
    private readonly FixTransportOptions _options;
    private readonly Lock _lock = new();
    private readonly HashSet<Task> _connections = [];
    private readonly HashSet<FixConnection> _open = [];
    private Socket? _listener;
    private Task? _accepting;

    /// <param name="endpoint">Where to listen; port 0 picks a free one (<see cref="LocalEndPoint"/>).</param>
    /// <param name="sessions">The sessions clients may log on to.</param>
    /// <param name="options">Connection limits; defaults if null.</param>
    public FixAcceptor(IPEndPoint endpoint, IEnumerable<FixSession> sessions, FixTransportOptions? options = null)
    {
        _endpoint = endpoint;
        _options = options ?? new FixTransportOptions();
        // Keyed as the counterparty writes them: its SenderCompID is our TargetCompID and the reverse.
        _sessions = sessions.ToDictionary(s => (s.Settings.TargetCompId, s.Settings.SenderCompId));
    }

    /// <summary>Connections being read on a thread of their own from their first byte now (see
    /// <see cref="FixTransportOptions.ReaderThreads"/>).</summary>
    public int ReaderThreadCount => Volatile.Read(ref _readerThreadsTaken);

    private int _readerThreadsTaken;

    /// <summary>A reading thread for a new connection, if fewer than the limit are taken. (Two takers racing for the
    /// last one may both be refused for a moment; a refused connection is read asynchronously, which is only slower.)</summary>
    internal bool TryTakeReaderThread()
    {
        if (Interlocked.Increment(ref _readerThreadsTaken) <= _options.ReaderThreads)
        {
            return true;
        }
        Interlocked.Decrement(ref _readerThreadsTaken);
        return false;
    }

    internal void ReturnReaderThread() => Interlocked.Decrement(ref _readerThreadsTaken);

    /// <summary>Connection-level diagnostics (garbled input, refused connections).</summary>
    public Action<string>? Log { get; set; }

    public IPEndPoint LocalEndPoint => (IPEndPoint)(_listener?.LocalEndPoint ?? throw new InvalidOperationException("Not started."));

    public IReadOnlyCollection<FixSession> Sessions => _sessions.Values;

    public void Start()
    {
        var listener = new Socket(_endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(_endpoint);
        listener.Listen(64);
        _listener = listener;
        _accepting = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Logs out every logged-on session (waiting up to <paramref name="grace"/> for the answers), closes the
    /// remaining connections and stops listening.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        _listener?.Dispose();
        if (_accepting is not null)
        {
            await _accepting.ConfigureAwait(false);
        }
        foreach (var session in _sessions.Values)
        {
            session.Logout("exchange shutting down");
        }
        Task[] running;
        lock (_lock)
        {
            running = [.. _connections];
        }
        var all = Task.WhenAll(running);
        if (await Task.WhenAny(all, Task.Delay(grace)).ConfigureAwait(false) != all)
        {
            FixConnection[] open;
            lock (_lock)
            {
                open = [.. _open];
            }
            foreach (var connection in open)
            {
                connection.Session?.OnDisconnected(connection);
                connection.Disconnect("shutdown");
            }
        }
        await all.ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => new(StopAsync(TimeSpan.FromSeconds(2)));

    internal FixSession? FindSession(ReadOnlySpan<byte> senderCompId, ReadOnlySpan<byte> targetCompId) =>
        _sessions.GetValueOrDefault((Encoding.ASCII.GetString(senderCompId), Encoding.ASCII.GetString(targetCompId)));

    internal bool LogonTimedOut(FixConnection connection)
    {
        var timeout = _sessions.Count == 0 ? TimeSpan.FromSeconds(10) : _sessions.Values.Min(s => s.Settings.LogonTimeout);
        return Environment.TickCount64 - connection.AcceptedAt > timeout.TotalMilliseconds;
    }

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = await _listener!.AcceptAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }
            socket.NoDelay = true;
            var connection = new FixConnection(socket, this, _options);
            Log?.Invoke($"fix {connection.Remote}: connected");
            lock (_lock)
            {
                _open.Add(connection);
                Task run = null!;
                run = Task.Run(async () =>
                {
                    await connection.RunAsync().ConfigureAwait(false);
                    lock (_lock)
                    {
                        _open.Remove(connection);
                        _connections.Remove(run);
                    }
                    Log?.Invoke($"fix {connection.Remote}: closed");
                });
                _connections.Add(run);
            }
        }
    }
}
