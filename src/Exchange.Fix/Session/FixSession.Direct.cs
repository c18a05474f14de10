namespace Exchange.Fix.Session;

public sealed partial class FixSession
{
    /// <summary>Starts sending application messages on the calling thread only if nothing can make it wait: the
    /// session's lock is free, the session is logged on and its connection has nothing queued (see
    /// <see cref="IFixTransport.IsDrained"/>). On true the caller holds the session (every other sender waits) and it
    /// is corked: send a few messages with <see cref="Send"/>, then <see cref="EndDirect"/>; the cork stays on until
    /// <see cref="TryUncorkDirect"/> or <see cref="Uncork"/>. On false nothing changed: send from a thread that may
    /// wait. For a producer that must never wait for a client (the exchange's responder thread).</summary>
    public bool TryBeginDirect()
    {
        if (!_lock.TryEnter())
        {
            return false;
        }
        if (State == FixSessionState.LoggedOn && _transport is { IsDrained: true })
        {
            _isCorked = true;
            return true;
        }
        _lock.Exit();
        return false;
    }

    /// <summary>Releases the session taken by a successful <see cref="TryBeginDirect"/> (it stays corked).</summary>
    public void EndDirect() => _lock.Exit();

    /// <summary><see cref="Uncork"/> if it cannot wait: the lock is free and the connection, if any, has nothing
    /// queued, so the corked messages (at most the cork's size) go to the socket or to the connection's empty
    /// buffer. False if it would have to wait: the caller hands the uncork to a thread that may.</summary>
    public bool TryUncorkDirect()
    {
        if (!_lock.TryEnter())
        {
            return false;
        }
        try
        {
            if (_transport is { IsDrained: false })
            {
                return false;
            }
            Uncork();
            return true;
        }
        finally
        {
            _lock.Exit();
        }
    }
}
