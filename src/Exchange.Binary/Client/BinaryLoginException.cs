using Exchange.Binary.Framing;

namespace Exchange.Binary.Client;

/// <summary>The server refused the login.</summary>
public sealed class BinaryLoginException(LoginRejectReason reason)
    : IOException($"Login rejected: {reason}")
{
    public LoginRejectReason Reason { get; } = reason;
}
