namespace Exchange.Api.Messages;

/// <summary>What a market-data message is (docs/market-data.md).</summary>
public enum MessageType : byte
{
    /// <summary>A complete state of the channel: replaces what the client holds.</summary>
    Snapshot = 1,
    /// <summary>A change to apply to the last state, valid only if its sequence is the previous one + 1.</summary>
    Update = 2,
    Subscribed = 3,
    Unsubscribed = 4,
    Error = 5,
    Heartbeat = 6,
}
