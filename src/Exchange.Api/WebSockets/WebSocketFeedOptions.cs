namespace Exchange.Api.WebSockets;

/// <summary>Limits and timers of the WebSocket market-data feed (docs/market-data.md).</summary>
public sealed record WebSocketFeedOptions
{
    /// <summary>Messages a connection may have waiting to be sent. A trades, l3, bars or l2-delta message that does not
    /// fit disconnects the client ("slow consumer").</summary>
    public int MaxQueuedMessages { get; init; } = 1024;

    /// <summary>Above this many waiting messages, l2 deltas are no longer queued: the client gets a fresh l2 snapshot once
    /// its queue is below it again (l1, depth-limited l2 and status are replaced in place whenever still queued).</summary>
    public int ConflateAbove { get; init; } = 256;

    /// <summary>Publish at most this often (0 = after every batch of engine events, the lowest latency). With many
    /// subscribers a longer interval bounds the fan-out work: changes accumulate (trades and l3 updates in order, l1/l2 as
    /// the latest state) and go out together.</summary>
    public TimeSpan PublishInterval { get; init; } = TimeSpan.Zero;

    /// <summary>A heartbeat message is queued to a connection that had no message for this long (checked this often).</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A connection without any subscription for this long is closed.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest message a client may send; a longer one closes the connection (1009).</summary>
    public int MaxClientMessageBytes { get; init; } = 4096;

    /// <summary>Subscriptions per connection.</summary>
    public int MaxSubscriptions { get; init; } = 256;

    /// <summary>How long a close handshake may take (a client that does not read cannot receive the close frame) before
    /// the connection is aborted.</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>WebSocket ping interval and the time without a pong after which the connection is dropped.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Trades sent in a trades snapshot; bars per interval in a bars snapshot.</summary>
    public int SnapshotTrades { get; init; } = 50;

    public int SnapshotBars { get; init; } = 60;
}
