namespace Exchange.Fix.Session;

/// <summary>The connection a <see cref="FixSession"/> is bound to. Called under the session's lock.</summary>
public interface IFixTransport
{
    /// <summary>Queues a complete message for sending (copying it). May wait while the connection's bounded outbound
    /// buffer is full; a connection that stays full is closed (slow consumer).</summary>
    void Send(ReadOnlySpan<byte> message);

    /// <summary>True when nothing is queued behind the socket (or the connection is closing): <see cref="Send"/>
    /// then returns at once for a message of any size the session sends, handing what the socket does not take to
    /// the connection's writer. False once the socket pushed back: a sender that must not wait sends elsewhere.</summary>
    bool IsDrained => true;

    /// <summary>Sends what is queued, then closes the connection. Idempotent; does not call back into the session.</summary>
    void Disconnect(string reason);
}
