using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using Exchange.Fix.Codec;
using Exchange.Fix.Session;

namespace Exchange.Fix.Transport;

/// <summary>One accepted TCP connection: read on a thread of its own (see <see cref="ReadLoop"/>) from its first byte
/// if the acceptor has one free, else through a <see cref="PipeReader"/> until its Logon binds it to a
/// <see cref="FixSession"/> and on a thread of its own after that; frames and parses messages with
/// the codec and feeds them to the session; writes from a bounded outbound buffer on its own task. Garbled frames are
/// dropped here (logged), as FIX requires; what it buffers inbound is bounded by the reader's maximum message length.</summary>
internal sealed class FixConnection : IFixTransport
{
    private readonly Socket _socket;
    private readonly FixAcceptor _acceptor;
    private readonly FixTransportOptions _options;
    private readonly FixMessageReader _framer;
    private readonly FixMessage _message;
    private readonly object _outLock = new();
    private readonly SemaphoreSlim _outSignal = new(0);
    private readonly CancellationTokenSource _closed = new();
    private byte[] _pending;
    private byte[] _writing;
    private int _pendingLength;
    private bool _closing;
    // The writer task is sending a swapped buffer: new messages must queue behind it to keep their order.
    private bool _writerBusy;
    private volatile FixSession? _session;

    public FixConnection(Socket socket, FixAcceptor acceptor, FixTransportOptions options)
    {
        _socket = socket;
        _acceptor = acceptor;
        _options = options;
        _framer = new FixMessageReader(options.MaxBodyLength);
        _message = new FixMessage(_framer.MaxMessageLength);
        _pending = new byte[options.MaxOutboundBytes];
        _writing = new byte[options.MaxOutboundBytes];

        Remote = socket.RemoteEndPoint?.ToString() ?? "?";
    }

    public string Remote { get; }

    public FixSession? Session => _session;

    public async Task RunAsync()
    {
        var writing = Task.Run(WriteLoopAsync);
        var ticking = Task.Run(TimerLoopAsync);
        // A socket once read asynchronously stays registered with the runtime's socket engine, which then handles every
        // arrival on it (its epoll thread, then a thread-pool worker) even with no read pending: so the connection is
        // read on its own thread from its first byte when the acceptor has one to give, the Logon included.
        bool ownThread = _acceptor.TryTakeReaderThread();
        try
        {
            byte[]? carried;
            if (ownThread)
            {
                // Non-blocking, as after the PipeReader: Send tries the socket directly, ReadLoop waits in poll.
                _socket.Blocking = false;
                carried = [];
            }
            else
            {
                carried = await ReadUntilBoundAsync().ConfigureAwait(false);
            }
            if (carried is not null)
            {
                var bound = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var thread = new Thread(() =>
                {
                    try
                    {
                        ReadLoop(carried);
                    }
                    finally
                    {
                        bound.SetResult();
                    }
                })
                {
                    IsBackground = true,
                    Name = "fix-reader",
                };
                thread.Start();
                await bound.Task.ConfigureAwait(false);
            }
        }
        finally
        {
            if (ownThread)
            {
                _acceptor.ReturnReaderThread();
            }
            _session?.OnDisconnected(this);
            Disconnect("connection closed");
            await Task.WhenAll(writing, ticking).ConfigureAwait(false);
            _socket.Dispose();
            _closed.Dispose();
        }
    }

    /// <summary>Reads through a <see cref="PipeReader"/> (no thread of its own was free at accept) until the Logon binds
    /// the connection to a session: then returns the bytes read after it, for <see cref="ReadLoop"/>; null if the
    /// connection ended first.</summary>
    private async Task<byte[]?> ReadUntilBoundAsync()
    {
        var reader = PipeReader.Create(new NetworkStream(_socket, ownsSocket: false), new StreamPipeReaderOptions(bufferSize: 16 * 1024));
        // Non-blocking from here on (NetworkStream wants a blocking socket when it is made; its async reads and our
        // async writes do not care), so Send can try the socket directly without ever waiting in the kernel.
        _socket.Blocking = false;
        try
        {
            while (!_closed.IsCancellationRequested)
            {
                var result = await reader.ReadAsync(_closed.Token).ConfigureAwait(false);
                var buffer = result.Buffer;
                Process(ref buffer);
                if (_session is not null && !_closing && !result.IsCompleted)
                {
                    byte[] carried = buffer.ToArray(); // bound: the rest is read on the connection's own thread
                    reader.AdvanceTo(buffer.End);
                    return carried;
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // closed by us or by the peer
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
        return null;
    }

    /// <summary>Reads the connection on its own thread, waiting in the kernel (poll) for input: a message wakes this one
    /// thread, not the socket engine's thread and then a thread-pool worker. From the first byte (the Logon included)
    /// when the acceptor had a thread free at accept — at most <see cref="FixTransportOptions.ReaderThreads"/>, so
    /// anonymous connections cannot multiply threads — else from the Logon on (sessions are configured, so bound
    /// connections are few). <paramref name="carried"/>: bytes read after the Logon, if it was read before.</summary>
    private void ReadLoop(byte[] carried)
    {
        var input = new byte[Math.Max(64 * 1024, 2 * _framer.MaxMessageLength)];
        int length = carried.Length;
        carried.CopyTo(input, 0);
        try
        {
            while (!_closed.IsCancellationRequested && !_closing)
            {
                if (length > 0)
                {
                    var buffer = new ReadOnlySequence<byte>(input, 0, length);
                    Process(ref buffer);
                    int consumed = length - (int)buffer.Length;
                    input.AsSpan(consumed, length - consumed).CopyTo(input);
                    length -= consumed;
                    if (length == input.Length)
                    {
                        Disconnect("inbound message too long"); // cannot happen: the framer skips what it cannot hold
                        break;
                    }
                }
                int read = _socket.Receive(input, length, input.Length - length, SocketFlags.None, out var error);
                if (error == SocketError.WouldBlock)
                {
                    // The timeout only lets a close by us be noticed (a shutdown socket also polls readable).
                    _socket.Poll(100_000, SelectMode.SelectRead);
                    continue;
                }
                if (error != SocketError.Success || read == 0)
                {
                    break;
                }
                length += read;
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // closed by us or by the peer
        }
    }

    private void Process(ref ReadOnlySequence<byte> buffer)
    {
        while (!_closing)
        {
            var read = _framer.Read(buffer);
            if (read.Status == FixReadStatus.NeedMoreData)
            {
                return;
            }
            if (read.Status == FixReadStatus.Garbled)
            {
                _acceptor.Log?.Invoke($"fix {Remote}: garbled input ({read.GarbleReason}), {read.Length} bytes ignored");
                buffer = buffer.Slice(read.Length);
                continue;
            }
            var parse = _message.Parse(buffer.Slice(0, read.Length));
            buffer = buffer.Slice(read.Length);
            if (_session is null && !Bind(parse))
            {
                return;
            }
            _session!.OnMessage(this, _message, parse);
        }
    }

    /// <summary>The first message names the session by its CompIDs; it must be a Logon of a configured session
    /// that has no other connection, else the connection is closed without an answer.</summary>
    private bool Bind(FixParseResult parse)
    {
        var session = parse.IsValid ? _acceptor.FindSession(_message.SenderCompId, _message.TargetCompId) : null;
        string? refusal = !parse.IsValid ? $"invalid first message ({parse.Reason}, tag {parse.RefTagId})"
            : _message.MsgType.Length != 1 || _message.MsgType[0] != 'A' ? "first message is not a Logon"
            : session is null ? "unknown session (SenderCompID/TargetCompID)"
            : !session.TryConnect(this) ? $"session {session} is already connected"
            : null;
        if (refusal is not null)
        {
            _acceptor.Log?.Invoke($"fix {Remote}: {refusal}; closing");
            Disconnect(refusal);
            return false;
        }
        _session = session;
        return true;
    }

    public void Send(ReadOnlySpan<byte> message)
    {
        lock (_outLock)
        {
            // Nothing queued and the writer idle: try to send on this thread (saves a hand-off to the writer task).
            // The socket is non-blocking: what the kernel does not take at once is queued for the writer.
            if (!_closing && _pendingLength == 0 && !_writerBusy)
            {
                int sent;
                SocketError error;
                try
                {
                    sent = _socket.Send(message, SocketFlags.None, out error);
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                if (error == SocketError.Success && sent == message.Length)
                {
                    return;
                }
                if (error is not (SocketError.Success or SocketError.WouldBlock))
                {
                    _acceptor.Log?.Invoke($"fix {Remote}: send failed ({error}); closing");
                    _closing = true;
                    _closed.Cancel();
                    return;
                }
                message = message[Math.Max(sent, 0)..];
            }
            long deadline = Environment.TickCount64 + (long)_options.SlowConsumerTimeout.TotalMilliseconds;
            while (_pending.Length - _pendingLength < message.Length)
            {
                long left = deadline - Environment.TickCount64;
                if (_closing || message.Length > _pending.Length || left <= 0 || !Monitor.Wait(_outLock, (int)left))
                {
                    if (!_closing)
                    {
                        _acceptor.Log?.Invoke($"fix {Remote}: outbound queue full (slow consumer); closing");
                        _closing = true;
                        _closed.Cancel();
                    }
                    return;
                }
            }
            message.CopyTo(_pending.AsSpan(_pendingLength));
            _pendingLength += message.Length;
        }
        _outSignal.Release();
    }

    public bool IsDrained
    {
        get
        {
            lock (_outLock)
            {
                return _closing || (_pendingLength == 0 && !_writerBusy);
            }
        }
    }

    public void Disconnect(string reason)
    {
        lock (_outLock)
        {
            if (_closing)
            {
                return;
            }
            _closing = true;
            Monitor.PulseAll(_outLock);
        }
        _outSignal.Release(); // the writer sends what is queued, then closes the socket
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            while (true)
            {
                // With the token: a failed send or a slow consumer closes the connection by cancelling it (Disconnect,
                // which wakes us, is then a no-op), and a writer waiting here would keep the connection alive forever.
                await _outSignal.WaitAsync(_closed.Token).ConfigureAwait(false);
                int length;
                bool closing;
                lock (_outLock)
                {
                    (_pending, _writing) = (_writing, _pending);
                    length = _pendingLength;
                    _pendingLength = 0;
                    closing = _closing;
                    _writerBusy = length > 0;
                    Monitor.PulseAll(_outLock);
                }
                if (length > 0)
                {
                    using var timeout = closing ? new CancellationTokenSource(_options.CloseTimeout) : null;
                    await _socket.SendAsync(_writing.AsMemory(0, length), SocketFlags.None, timeout?.Token ?? _closed.Token).ConfigureAwait(false);
                    lock (_outLock)
                    {
                        _writerBusy = false;
                    }
                }
                if (closing)
                {
                    lock (_outLock)
                    {
                        if (_pendingLength > 0)
                        {
                            continue; // the last messages were queued while we sent
                        }
                    }
                    break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            try
            {
                _socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
            }
            try
            {
                _closed.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private async Task TimerLoopAsync()
    {
        using var timer = new PeriodicTimer(_options.TimerInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_closed.Token).ConfigureAwait(false))
            {
                if (_session is { } session)
                {
                    session.OnTimer();
                }
                else if (_acceptor.LogonTimedOut(this))
                {
                    Disconnect("no Logon in time");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    internal long AcceptedAt { get; } = Environment.TickCount64;
}
