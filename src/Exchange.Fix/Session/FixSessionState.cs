namespace Exchange.Fix.Session;

/// <summary>Where a <see cref="FixSession"/> is in its life cycle.</summary>
public enum FixSessionState
{
    /// <summary>No connection.</summary>
    Disconnected,
    /// <summary>A connection is bound but the Logon is not yet accepted.</summary>
    AwaitingLogon,
    LoggedOn,
    /// <summary>We sent Logout and wait for the counterparty's.</summary>
    LogoutSent,
}
