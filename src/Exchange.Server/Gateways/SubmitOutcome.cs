namespace Exchange.Server.Gateways;

/// <summary>What happened to a command a session tried to enter.</summary>
public enum SubmitOutcome : byte
{
    /// <summary>In the inbound ring; its answer arrives through <see cref="IOrderEntrySession.OnExchangeEvent"/>.</summary>
    Submitted = 1,
    /// <summary>The inbound ring was full (back-pressure): nothing was entered; answer the client "busy".</summary>
    Busy = 2,
    /// <summary>The session or its account is over its order-entry rate: nothing was entered.</summary>
    RateLimited = 3,
    /// <summary>The session is not attached (logged out or never logged in): nothing was entered.</summary>
    NotAttached = 4,
    /// <summary>An operator's kill switch blocks the session: nothing was entered.</summary>
    SessionBlocked = 5,
}
