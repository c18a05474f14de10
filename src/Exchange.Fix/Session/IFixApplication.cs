using Exchange.Fix.Codec;

namespace Exchange.Fix.Session;

/// <summary>What runs on top of a FIX session: sees application messages, logons and logouts. Every call is made
/// under the session's lock, from the connection's thread; the application may call <see cref="FixSession.Send"/>
/// from its own threads at any time.</summary>
public interface IFixApplication
{
    /// <summary>The Logon was accepted and the Logon reply sent. Return a text to refuse it (the session then logs out).</summary>
    string? OnLogon(FixSession session);

    /// <summary>An application message (not an admin type), in sequence. The message is valid only during the call.
    /// Exceptions are caught by the session and answered with a Reject.</summary>
    void OnMessage(FixSession session, FixMessage message);

    /// <summary>The session was logged on and no longer is: <paramref name="graceful"/> when Logout messages were
    /// exchanged, false for a dropped connection, a timeout or a protocol error.</summary>
    void OnLogout(FixSession session, bool graceful);
}
