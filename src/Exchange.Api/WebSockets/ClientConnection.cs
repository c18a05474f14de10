using System.Diagnostics;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using Exchange.MarketData.Views;

namespace Exchange.Api.WebSockets;

/// <summary>One WebSocket client: a bounded queue of outgoing frames, written in batches by a <see cref="SenderPool"/>
/// thread (ClientConnection.Sending.cs), and a receive loop that hands client messages to the hub. Enqueue is called by
/// the market-data thread and never waits; a full queue closes the connection with a reason instead
/// (<see cref="Delivery"/>). Memory per connection is bounded by <see cref="WebSocketFeedOptions.MaxQueuedMessages"/>
/// references to shared frames.</summary>
internal sealed partial class ClientConnection
{
    private static long _lastId;

    private readonly WebSocket _socket;
    private readonly WebSocketFeedOptions _options;
    private readonly Lock _lock = new();
    private readonly Queue<Entry> _queue = new();
    private readonly Dictionary<(string Symbol, Channel Channel, int Depth), Entry> _latest = [];
    private string? _closeReason;
    private WebSocketCloseStatus _closeStatus;
    private long _lastActivity = Stopwatch.GetTimestamp();
    private int _maxQueued;
    private readonly Action<ClientConnection>? _onSlowConsumer;
    private readonly StrongBox<long>? _sentCounter;

    /// <summary><paramref name="senders"/> null: nothing is sent (tests of the queue policy); <paramref name="stream"/>
    /// (the stream under <paramref name="socket"/>) null: each frame is its own write.</summary>
    public ClientConnection(WebSocket socket, WebSocketFeedOptions options, Action<ClientConnection>? onSlowConsumer = null,
        StrongBox<long>? sentCounter = null, SenderPool? senders = null, CoalescingStream? stream = null)
    {
        _sentCounter = sentCounter;
        _senders = senders;
        _stream = stream;
        _socket = socket;
        _options = options;
        _onSlowConsumer = onSlowConsumer;
        Id = Interlocked.Increment(ref _lastId);
    }

    public long Id { get; }

    /// <summary>Market-data thread only.</summary>
    public List<Subscription> Subscriptions { get; } = [];

    /// <summary>The account logged in on this connection (0 = none), set once by its receive loop.</summary>
    public long AccountId => Volatile.Read(ref _accountId);

    private long _accountId;

    public string AccountName { get; private set; } = "";

    /// <summary>Failed logins so far (receive loop only).</summary>
    public int FailedLogins { get; set; }

    /// <summary>Receive loop only; before any subscription of the account's channel can be made.</summary>
    public void LogIn(long accountId, string name)
    {
        AccountName = name;
        Volatile.Write(ref _accountId, accountId);
    }

    public int QueueLength => Volatile.Read(ref _count);

    private int _count;

    /// <summary>The most messages ever waiting at once.</summary>
    public int MaxQueued => Volatile.Read(ref _maxQueued);

    public long Sent => Interlocked.Read(ref _sent);

    private long _sent;

    public string? CloseReason
    {
        get
        {
            lock (_lock)
            {
                return _closeReason;
            }
        }
    }

    public bool IsClosing => Volatile.Read(ref _closing);

    private bool _closing;

    public long LastActivity => Interlocked.Read(ref _lastActivity);

    /// <summary>When a message was last queued (Stopwatch ticks).</summary>
    public long LastEnqueue => Volatile.Read(ref _lastEnqueue);

    private long _lastEnqueue = Stopwatch.GetTimestamp();

    /// <summary>Queues a frame; false if the connection is closing or had to be closed (queue full).</summary>
    public bool Enqueue(OutFrame frame, Delivery delivery, (string, Channel, int) key = default, string? what = null)
    {
        bool slow = false;
        lock (_lock)
        {
            if (_closeReason is not null)
            {
                return false;
            }
            if (delivery == Delivery.Conflate && _latest.TryGetValue(key, out var queued))
            {
                queued.Frame = frame; // latest state wins; its place in the queue is kept (already scheduled)
                return true;
            }
            if (delivery == Delivery.DropWhenBusy && _queue.Count >= _options.ConflateAbove)
            {
                return false;
            }
            if (_queue.Count >= _options.MaxQueuedMessages)
            {
                CloseLocked(WebSocketCloseStatus.PolicyViolation,
                    $"slow consumer: more than {_options.MaxQueuedMessages} messages waiting ({what ?? $"{key.Item2.Name()} {key.Item1}"})");
                slow = true;
            }
            else
            {
                _lastEnqueue = Stopwatch.GetTimestamp();
                var entry = new Entry(frame, delivery == Delivery.Conflate ? key : null);
                _queue.Enqueue(entry);
                if (entry.Key is { } k)
                {
                    _latest[k] = entry;
                }
                _count = _queue.Count;
                _maxQueued = Math.Max(_maxQueued, _count);
            }
        }
        RequestSend(); // the frames, or the close frame
        if (slow)
        {
            _onSlowConsumer?.Invoke(this);
            return false;
        }
        return true;
    }

    /// <summary>Closes with a status and reason: the queue is dropped, the close frame goes out after the frame being
    /// sent (if any); if that does not finish within <see cref="WebSocketFeedOptions.CloseTimeout"/> the socket is aborted.</summary>
    public void Close(WebSocketCloseStatus status, string reason)
    {
        lock (_lock)
        {
            if (_closeReason is not null)
            {
                return;
            }
            CloseLocked(status, reason);
        }
        RequestSend();
    }

    private void CloseLocked(WebSocketCloseStatus status, string reason)
    {
        _closeReason = reason;
        _closeStatus = status;
        _closing = true;
        _queue.Clear();
        _latest.Clear();
        _count = 0;
        _ = AbortLaterAsync();
    }

    private async Task AbortLaterAsync()
    {
        await Task.Delay(_options.CloseTimeout).ConfigureAwait(false);
        if (_socket.State is not (WebSocketState.Closed or WebSocketState.Aborted))
        {
            _socket.Abort();
        }
    }

    /// <summary>Runs the receive loop until the connection ends, then waits until the close frame is sent.</summary>
    public async Task RunAsync(Action<ClientConnection, ReadOnlyMemory<byte>> onMessage, CancellationToken cancellationToken)
    {
        try
        {
            await ReceiveLoopAsync(onMessage, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            Close(WebSocketCloseStatus.EndpointUnavailable, "connection lost");
        }
        Close(WebSocketCloseStatus.EndpointUnavailable, "connection lost"); // no-op if already closing
        await _closed.Task.ConfigureAwait(false);
    }

    private async Task ReceiveLoopAsync(Action<ClientConnection, ReadOnlyMemory<byte>> onMessage, CancellationToken cancellationToken)
    {
        var buffer = new byte[_options.MaxClientMessageBytes];
        while (true)
        {
            int total = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                if (total == buffer.Length)
                {
                    Close(WebSocketCloseStatus.MessageTooBig, $"message longer than {buffer.Length} bytes");
                    await DrainUntilClosedAsync(cancellationToken).ConfigureAwait(false);
                    return;
                }
                result = await _socket.ReceiveAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
                total += result.Count;
            }
            while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                Close(WebSocketCloseStatus.NormalClosure, "closed by the client");
                return;
            }
            Interlocked.Exchange(ref _lastActivity, Stopwatch.GetTimestamp());
            if (!IsClosing)
            {
                onMessage(this, buffer.AsMemory(0, total));
            }
        }
    }

    /// <summary>After closing for an oversized message: read and discard until the client answers the close.</summary>
    private async Task DrainUntilClosedAsync(CancellationToken cancellationToken)
    {
        var scratch = new byte[4096];
        while (_socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            var r = await _socket.ReceiveAsync(scratch.AsMemory(), cancellationToken).ConfigureAwait(false);
            if (r.MessageType == WebSocketMessageType.Close)
            {
                return;
            }
        }
    }

    private sealed class Entry(OutFrame frame, (string, Channel, int)? key)
    {
        public OutFrame Frame = frame;

        public (string, Channel, int)? Key { get; } = key;
    }
}
