using System.Net.WebSockets;

namespace Exchange.Api.WebSockets;

// Sending: a sender thread visits the connection when it has frames (or a close) to send, and writes one batch.
internal sealed partial class ClientConnection
{
    /// <summary>Frames written per visit: one batch holds a publication's messages; a longer queue takes several
    /// visits, so that one busy connection does not hold its sender thread from the others.</summary>
    private const int BatchFrames = 16;

    private readonly SenderPool? _senders;
    private readonly CoalescingStream? _stream;
    private readonly OutFrame?[] _batch = new OutFrame?[BatchFrames];
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // 1 while the connection is on a sender's ready queue or its batch is being written (at most one batch at a time).
    private int _scheduled;
    private bool _closeSent;

    /// <summary>Puts the connection on its sender's ready queue unless it is there already or writing.</summary>
    private void RequestSend()
    {
        if (_senders is not null && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            _senders.Schedule(this);
        }
    }

    /// <summary>On a sender thread: writes the next batch (or the close frame); returns when the write is done or
    /// pending (a pending write finishes on the thread pool).</summary>
    public void SendPending() => _ = SendBatchAsync();

    private async Task SendBatchAsync()
    {
        int n = 0;
        bool close = false;
        lock (_lock)
        {
            if (_closeReason is not null)
            {
                close = !_closeSent;
                _closeSent = true;
            }
            else
            {
                while (n < _batch.Length && _queue.TryDequeue(out var entry))
                {
                    if (entry.Key is { } key && _latest.TryGetValue(key, out var latest) && latest == entry)
                    {
                        _latest.Remove(key);
                    }
                    _batch[n++] = entry.Frame;
                }
                _count = _queue.Count;
            }
        }
        if (close)
        {
            try
            {
                await CloseOutputAsync().ConfigureAwait(false);
            }
            finally
            {
                _closed.TrySetResult();
            }
            return; // stays scheduled: nothing is sent after the close frame
        }
        if (_closeSent)
        {
            return;
        }
        try
        {
            await WriteBatchAsync(n).ConfigureAwait(false);
            Interlocked.Add(ref _sent, n);
            if (_sentCounter is not null)
            {
                Interlocked.Add(ref _sentCounter.Value, n);
            }
        }
        catch (Exception)
        {
            // Whatever failed the write (reset, aborted, disposed): the connection is over, and this visit must end
            // with the connection closed rather than stuck as scheduled.
            Close(WebSocketCloseStatus.EndpointUnavailable, "connection lost");
        }
        finally
        {
            Array.Clear(_batch);
        }
        // A full fence between clearing the flag and reading the queue length: an Enqueue that found the flag still set
        // has updated the length before, so one of the two schedules the connection (no lost wake-up).
        Interlocked.Exchange(ref _scheduled, 0);
        if (QueueLength > 0 || IsClosing)
        {
            RequestSend();
        }
    }

    /// <summary>The batch's frames as WebSocket messages; with a <see cref="CoalescingStream"/>, all in one write.</summary>
    private async ValueTask WriteBatchAsync(int n)
    {
        bool coalesce = _stream is not null && n > 1;
        if (coalesce)
        {
            _stream!.Hold();
        }
        try
        {
            for (int i = 0; i < n; i++)
            {
                if (coalesce && i == n - 1)
                {
                    _stream!.Release(); // the last frame's write carries the whole batch
                }
                var frame = _batch[i]!;
                await _socket.SendAsync(frame.Data, frame.Binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text, true,
                    CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            if (coalesce)
            {
                _stream!.Release();
            }
        }
    }

    /// <summary>The close frame with the status and reason (after the batch in flight, if any).</summary>
    private async Task CloseOutputAsync()
    {
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(_options.CloseTimeout);
                await _socket.CloseOutputAsync(_closeStatus, _closeReason, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            _socket.Abort();
        }
    }
}
