using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Exchange.Binary.Framing;
using Exchange.Core.Commands;
using Exchange.Server.Configuration;

namespace Exchange.Server.Gateways.Binary;

/// <summary>The binary order-entry gateway (docs/binary-protocol.md): accepts TCP connections, logs them in
/// against the configured accounts, and keeps one <see cref="BinaryStream"/> per (username, stream name) for
/// the life of the process. Connections come and go; streams stay attached to the hub.</summary>
public sealed class BinaryAcceptor : IDisposable
{
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Messages each stream keeps for replay and for connections that fall behind.</summary>
    public const int DefaultStreamCapacity = 1 << 16;

    /// <summary>Connections read on a thread of their own, at most; the rest are read asynchronously.</summary>
    public const int DefaultReaderThreads = 64;

    private readonly Socket _listener;
    private readonly IReadOnlyList<AccountConfig> _accounts;
    private readonly int _streamCapacity;
    private readonly TextWriter? _log;
    private readonly string? _stateDirectory;
    private readonly ConcurrentDictionary<BinaryConnection, byte> _connections = new();
    private readonly Lock _streamsLock = new();
    private readonly Dictionary<(string User, string Stream), BinaryStream> _streams = [];
    private readonly Timer _housekeeping;
    private readonly Task _acceptLoop;
    private readonly ulong _instance = (ulong)DateTime.UtcNow.Ticks;
    private readonly int _readerThreads;
    private int _readerThreadsTaken;
    private int _stopped;

    private BinaryAcceptor(Socket listener, OrderEntryHub hub, IReadOnlyList<AccountConfig> accounts, int streamCapacity, string? stateDirectory,
        TextWriter? log, int readerThreads)
    {
        _listener = listener;
        _readerThreads = readerThreads;
        Hub = hub;
        _accounts = accounts;
        _streamCapacity = streamCapacity;
        _stateDirectory = stateDirectory;
        _log = log;
        if (stateDirectory is not null)
        {
            Restore(stateDirectory);
        }
        _housekeeping = new Timer(_ => Housekeep(), null, HeartbeatInterval / 4, HeartbeatInterval / 4);
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    internal OrderEntryHub Hub { get; }

    /// <summary>Where it listens (the real port when started on port 0).</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)_listener.LocalEndPoint!;

    public int ConnectionCount => _connections.Count;

    /// <summary>Connections being read on a thread of their own now.</summary>
    public int ReaderThreadCount => Volatile.Read(ref _readerThreadsTaken);

    /// <summary>A reading thread for a connection, if fewer than the limit are running: so the threads stay bounded
    /// whatever the number of connections. (Two takers racing for the last one may
    /// both be refused for a moment; a refused connection is read asynchronously, which is only slower.)</summary>
    internal bool TryTakeReaderThread()
    {
        if (Interlocked.Increment(ref _readerThreadsTaken) <= _readerThreads)
        {
            return true;
        }
        Interlocked.Decrement(ref _readerThreadsTaken);
        return false;
    }

    internal void ReturnReaderThread() => Interlocked.Decrement(ref _readerThreadsTaken);

    /// <summary>Listens on <paramref name="endpoint"/> ("host:port", port 0 for any free one). With a
    /// <paramref name="stateDirectory"/>, streams saved there at the last clean shutdown are restored (and saved
    /// again by <see cref="Dispose"/>). Up to <paramref name="readerThreads"/> connections are read on a thread of
    /// their own, the others asynchronously.</summary>
    public static BinaryAcceptor Start(string endpoint, OrderEntryHub hub, IReadOnlyList<AccountConfig> accounts,
        int streamCapacity = DefaultStreamCapacity, string? stateDirectory = null, TextWriter? log = null, int readerThreads = DefaultReaderThreads)
    {
        var address = IPEndPoint.Parse(endpoint);
        var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Bind(address);
            listener.Listen(512);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
        try
        {
            return new BinaryAcceptor(listener, hub, accounts, streamCapacity, stateDirectory, log, readerThreads);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (Volatile.Read(ref _stopped) == 0)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                if (Volatile.Read(ref _stopped) != 0)
                {
                    return;
                }
                continue;
            }
            socket.NoDelay = true;
            var connection = new BinaryConnection(socket, this);
            _connections[connection] = 0;
            if (Volatile.Read(ref _stopped) != 0)
            {
                connection.Close();
            }
            connection.Running = Task.Run(async () =>
            {
                try
                {
                    await connection.RunAsync().ConfigureAwait(false);
                }
#pragma warning disable CA1031 // a bug in one connection must not go unnoticed nor take the acceptor down
                catch (Exception e)
#pragma warning restore CA1031
                {
                    _log?.WriteLine($"binary: connection failed: {e}");
                    connection.Close();
                }
                finally
                {
                    _connections.TryRemove(connection, out _);
                }
            });
        }
    }

    /// <summary>Checks the credentials and connects to the named stream (creating and attaching it on first use).</summary>
    internal (BinaryStream? Stream, LoginRejectReason Reason, LoginAccepted Accepted) Login(BinaryConnection connection, LoginRequest request)
    {
        var account = _accounts.FirstOrDefault(a => a.Name == request.Username);
        if (account is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(account.Password), Encoding.UTF8.GetBytes(request.Password)))
        {
            _log?.WriteLine($"binary: login refused for '{request.Username}' (not authorized)");
            return (null, LoginRejectReason.NotAuthorized, default);
        }
        string name = request.StreamName.Length == 0 ? "default" : request.StreamName;
        if (name.Length > LoginRequest.FieldLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return (null, LoginRejectReason.InvalidStreamName, default);
        }
        BinaryStream stream;
        lock (_streamsLock)
        {
            if (Volatile.Read(ref _stopped) != 0)
            {
                return (null, LoginRejectReason.NotAuthorized, default);
            }
            if (!_streams.TryGetValue((account.Name, name), out stream!))
            {
                stream = new BinaryStream(Hub.NewSessionId(), account.Id, account.Name, name, _instance, _streamCapacity);
                Hub.Attach(stream);
                _streams[(account.Name, name)] = stream;
            }
        }
        var rejected = stream.TryConnect(connection, request.RequestedSequence, out var accepted);
        return rejected is { } reason ? (null, reason, default) : (stream, default, accepted);
    }

    /// <summary>Cancel-on-disconnect: one mass cancel of the orders entered on the stream, answered on it. Waits
    /// (briefly) for room in a full inbound ring rather than lose the cancel.</summary>
    internal void CancelStreamOrders(BinaryStream stream)
    {
        var command = OrderEntryHub.SessionMassCancel(stream);
        var spin = new SpinWait();
        for (int attempt = 0; attempt < 100_000; attempt++)
        {
            var outcome = Hub.TrySubmit(stream, command, BinaryEventEncoder.Correlation(0, Exchange.Binary.Messages.ClientMessageType.MassCancel));
            if (outcome != SubmitOutcome.Busy)
            {
                return;
            }
            spin.SpinOnce();
        }
        _log?.WriteLine($"binary: cancel-on-disconnect of {stream.Username} lost: the exchange stayed busy");
    }

    private void Housekeep()
    {
        foreach (var connection in _connections.Keys)
        {
            connection.Housekeep();
        }
    }

    private void Restore(string directory)
    {
        var restored = new List<string>();
        foreach (var (user, name, instance, next, accountId, slots) in BinaryStreamFile.LoadAndDelete(directory))
        {
            var account = _accounts.FirstOrDefault(a => a.Name == user);
            if (account is null || account.Id != accountId)
            {
                continue; // the account is gone or is another one now: its stream means nothing
            }
            var stream = new BinaryStream(Hub.NewSessionId(), account.Id, user, name, instance, _streamCapacity, next, slots);
            Hub.Attach(stream);
            _streams[(user, name)] = stream;
            restored.Add($"{user}/{name} (next {next})");
        }
        if (restored.Count > 0)
        {
            _log?.WriteLine($"binary: restored streams {string.Join(", ", restored)}");
        }
    }

    /// <summary>Stops accepting, sends End of Session to every connection (after what is queued for it) and
    /// closes them. The streams stay attached, so events of commands still draining reach them. Call before
    /// the exchange stops; <see cref="Dispose"/> after.</summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }
        _housekeeping.Dispose();
        _listener.Dispose();
        foreach (var connection in _connections.Keys)
        {
            connection.EndSession();
        }
        var running = _connections.Keys.Select(c => c.Running).ToArray();
        if (!Task.WaitAll(running, TimeSpan.FromSeconds(2)))
        {
            foreach (var connection in _connections.Keys)
            {
                connection.Close();
            }
            Task.WaitAll(running, TimeSpan.FromSeconds(2));
        }
        try
        {
            _acceptLoop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
        }
    }

    /// <summary>Stops (if not yet), detaches the streams from the hub (orders stay) and, with a state directory,
    /// saves them for the next start. Call after the exchange has stopped, so the streams hold every event.</summary>
    public void Dispose()
    {
        Stop();
        lock (_streamsLock)
        {
            foreach (var stream in _streams.Values)
            {
                Hub.Detach(stream, cancelOrders: false);
                if (_stateDirectory is not null)
                {
                    try
                    {
                        BinaryStreamFile.Save(_stateDirectory, stream);
                    }
                    catch (IOException e)
                    {
                        _log?.WriteLine($"binary: cannot save stream {stream.Username}/{stream.Name}: {e.Message}");
                    }
                }
            }
            _streams.Clear();
        }
    }
}
