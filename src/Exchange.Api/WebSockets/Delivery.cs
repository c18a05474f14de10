namespace Exchange.Api.WebSockets;

/// <summary>How a message is queued to a connection under pressure.</summary>
internal enum Delivery : byte
{
    /// <summary>Must arrive (trades, l3, bars, snapshots, l2 deltas once queued): a full queue disconnects the client.</summary>
    Reliable,
    /// <summary>A complete state (l1, depth-limited l2, status, heartbeat): replaces a still-queued message with the same key.</summary>
    Conflate,
    /// <summary>An l2 delta: not queued above <see cref="WebSocketFeedOptions.ConflateAbove"/> (the caller sends a snapshot later).</summary>
    DropWhenBusy,
}
