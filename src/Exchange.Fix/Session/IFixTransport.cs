namespace Exchange.Fix.Session;

/// <summary>The connection a <see cref="FixSession"/> is bound to. Called under the session's lock.</summary>
public interface IFixTransport
{
    /// <summary>Queues a complete message for sending (copying it). May wait while the connection's bounded outbound
    /// buffer is full; a connection that stays full is closed (slow consumer).</summary>
    void Send(ReadOnlySpan<byte> message);

    /// <summary>Sends what is queued, then closes the connection. Idempotent; does not call back into the session.</summary>
    void Disconnect(string reason);
}
