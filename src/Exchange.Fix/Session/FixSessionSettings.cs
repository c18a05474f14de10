namespace Exchange.Fix.Session;

/// <summary>One FIX session as the acceptor knows it: who the counterparty is and how it must log on.</summary>
public sealed record FixSessionSettings
{
    /// <summary>Our CompID: the counterparty's TargetCompID (56), our SenderCompID (49).</summary>
    public required string SenderCompId { get; init; }

    /// <summary>The counterparty's CompID: its SenderCompID (49), our TargetCompID (56).</summary>
    public required string TargetCompId { get; init; }

    /// <summary>If set, a Logon's Username (553), when present, must equal it.</summary>
    public string? Username { get; init; }

    /// <summary>The Password (554) a Logon must carry when <see cref="PasswordRequired"/>.</summary>
    public string? Password { get; init; }

    public bool PasswordRequired { get; init; } = true;

    /// <summary>Reset both sequence numbers to 1 at every Logon (as if the counterparty sent ResetSeqNumFlag=Y).</summary>
    public bool ResetOnLogon { get; init; }

    /// <summary>HeartBtInt (108) the Logon must carry, in seconds; 0 accepts any value from 1 to
    /// <see cref="MaxHeartbeatIntervalSeconds"/>.</summary>
    public int HeartbeatIntervalSeconds { get; init; }

    public int MaxHeartbeatIntervalSeconds { get; init; } = 300;

    /// <summary>How far SendingTime (52) may be from our clock before the message is rejected (373=10) and the session
    /// logged out. QuickFIX's default is 120 s.</summary>
    public TimeSpan MaxSendingTimeSkew { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>A connection that has not logged on by then is closed.</summary>
    public TimeSpan LogonTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>After we send Logout, how long we wait for the counterparty's Logout before closing.</summary>
    public TimeSpan LogoutTimeout { get; init; } = TimeSpan.FromSeconds(2);
}
