namespace Exchange.Binary.Framing;

/// <summary>Options of a login (byte 56 of <see cref="LoginRequest"/>).</summary>
[Flags]
public enum LoginFlags : byte
{
    None = 0,
    /// <summary>When this connection ends (logout or drop), cancel every working order of the account.</summary>
    CancelOnDisconnect = 1,
}
