namespace Exchange.Fix.Transport;

/// <summary>Limits of one acceptor connection.</summary>
public sealed record FixTransportOptions
{
    /// <summary>Largest BodyLength accepted; a longer message is garbled and skipped without being buffered.</summary>
    public int MaxBodyLength { get; init; } = 16 * 1024;

    /// <summary>Outbound bytes queued per connection; a sender waits while it is full.</summary>
    public int MaxOutboundBytes { get; init; } = 1024 * 1024;

    /// <summary>A connection whose outbound queue stays full this long is closed (slow consumer).</summary>
    public TimeSpan SlowConsumerTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the sessions' timers are checked.</summary>
    public TimeSpan TimerInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Connections read on a thread of their own from their first byte, at most; more are read asynchronously
    /// until their Logon binds them to a session (and on a thread of their own after that).</summary>
    public int ReaderThreads { get; init; } = 64;

    /// <summary>How long a closing connection may take to send what is queued (e.g. a Logout).</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(2);
}
