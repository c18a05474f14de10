namespace Exchange.Server.Configuration;

/// <summary>A FIX session the acceptor accepts: the client's SenderCompID, the account it trades for (by name, from
/// <see cref="ExchangeConfig.Accounts"/>; its password is the Logon Password), and the session's rules.
/// A <paramref name="DropCopy"/> session receives the reports of every order of its account (see
/// <see cref="Gateways.IOrderEntrySession.DropCopy"/>). TargetCompID defaults to <see cref="ExchangeConfig.FixCompId"/>; the account defaults to the CompID.</summary>
public sealed record FixSessionConfig(
    string SenderCompId,
    string? Account = null,
    string? TargetCompId = null,
    bool PasswordRequired = true,
    bool ResetOnLogon = false,
    int HeartbeatIntervalSeconds = 0,
    bool CancelOnDisconnect = false,
    bool DropCopy = false);
