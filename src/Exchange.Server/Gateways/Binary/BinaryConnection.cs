using System.Diagnostics;
using System.Net.Sockets;
using Exchange.Binary.Framing;

namespace Exchange.Server.Gateways.Binary;

/// <summary>One TCP connection of the binary gateway: a reader loop (login, then client packets into the hub; on a
/// thread of its own while the acceptor has one to give, asynchronously otherwise) and, once logged in, a writer loop
/// that sends its stream from the connection's cursor on — the replay and live messages alike — plus heartbeats; live
/// messages usually go out directly from the responder thread at the end of its batch instead
/// (<see cref="SendNow"/>), when the socket takes them without blocking. The transport is a raw <see cref="Socket"/>
/// with fixed buffers: nothing is allocated per message.</summary>
internal sealed partial class BinaryConnection
{
    private readonly Socket _socket;
    private readonly BinaryAcceptor _acceptor;
    private readonly AsyncSignal _signal = new();
    private readonly byte[] _receive = new byte[64 * 1024];
    private readonly byte[] _send = new byte[64 * 1024];
    // The receive buffer's unconsumed bytes are [_receiveStart, _receiveEnd); only the reading side touches them.
    private int _receiveStart;
    private int _receiveEnd;
    private BinaryStream? _stream;
    private ulong _cursor;
    private LoginFlags _flags;
    private long _lastReceived = Stopwatch.GetTimestamp();
    private long _lastSent = Stopwatch.GetTimestamp();
    private int _heartbeatDue;
    private int _endOfSession;
    private int _closed;
    private Task _writer = Task.CompletedTask;
    private long _commands;

    public BinaryConnection(Socket socket, BinaryAcceptor acceptor)
    {
        _socket = socket;
        _acceptor = acceptor;
    }

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>The task running <see cref="RunAsync"/> (set by the acceptor right after starting it).</summary>
    public Task Running { get; set; } = Task.CompletedTask;

    /// <summary>The sequence number of the next message the writer will send (read by the stream's appenders).</summary>
    public ulong Cursor => Volatile.Read(ref _cursor);

    /// <summary>Where the writer starts; set by the stream when it accepts the login, under its lock.</summary>
    public void StartAt(ulong sequence) => Volatile.Write(ref _cursor, sequence);

    /// <summary>Wakes the writer: the stream has new messages (called by whoever appended, under no lock).</summary>
    public void Wake() => _signal.Set();

    /// <summary>Called by the acceptor's timer: heartbeat after a second of silence, close after the idle timeout
    /// (no login within it counts too).</summary>
    public void Housekeep()
    {
        if (Stopwatch.GetElapsedTime(Volatile.Read(ref _lastReceived)) > BinaryAcceptor.IdleTimeout)
        {
            Close();
            return;
        }
        if (_stream is not null && Stopwatch.GetElapsedTime(Volatile.Read(ref _lastSent)) >= BinaryAcceptor.HeartbeatInterval)
        {
            Volatile.Write(ref _heartbeatDue, 1);
            Wake();
        }
    }

    /// <summary>Server shutdown: send End of Session after what is queued, then close.</summary>
    public void EndSession()
    {
        Volatile.Write(ref _endOfSession, 1);
        if (_stream is null)
        {
            Close();
        }
        Wake();
    }

    /// <summary>Closes the socket; both loops end. Idempotent, any thread.</summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        _socket.Dispose();
        Wake();
    }

    /// <summary>Runs the connection to its end, then detaches it from its stream (cancel-on-disconnect if asked).</summary>
    public async Task RunAsync()
    {
        try
        {
            // A socket once read asynchronously stays registered with the runtime's socket engine, which then handles
            // every arrival on it (its epoll thread, then a thread-pool worker) even with no read pending: so the
            // connection is read on its own thread from the start when one is free, login included.
            if (_acceptor.TryTakeReaderThread() || await ReadLoopAsync().ConfigureAwait(false))
            {
                await ReadOnOwnThread().ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException)
        {
            // The peer went away or we closed the socket: either way the connection is over.
        }
        finally
        {
            Close();
            try
            {
                await _writer.ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException)
            {
            }
            if (_stream is { } stream)
            {
                stream.Disconnect(this);
                if ((_flags & LoginFlags.CancelOnDisconnect) != 0)
                {
                    _acceptor.CancelStreamOrders(stream);
                }
            }
        }
    }

    /// <summary>Runs <see cref="ReadLoop"/> on a new thread (the acceptor has counted it) and completes when it ends,
    /// with its exception if it failed.</summary>
    private Task ReadOnOwnThread()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                ReadLoop();
                done.SetResult();
            }
#pragma warning disable CA1031 // handed to RunAsync, which treats it as the async loop's would be
            catch (Exception e)
#pragma warning restore CA1031
            {
                done.SetException(e);
            }
            finally
            {
                _acceptor.ReturnReaderThread();
            }
        })
        {
            IsBackground = true,
            Name = "binary-reader",
        };
        thread.Start();
        return done.Task;
    }

    private bool SendDirect(ReadOnlySpan<byte> packet)
    {
        try
        {
            while (!packet.IsEmpty)
            {
                int n = _socket.Send(packet);
                packet = packet[n..];
            }
            Volatile.Write(ref _lastSent, Stopwatch.GetTimestamp());
            return true;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return false;
        }
    }
}
