namespace Exchange.Binary.Framing;

/// <summary>Why a login was refused (the payload byte of a <see cref="PacketType.LoginRejected"/> packet).</summary>
public enum LoginRejectReason : byte
{
    /// <summary>Unknown username or wrong password.</summary>
    NotAuthorized = (byte)'A',
    /// <summary>The stream name is not 1–16 letters, digits, '-' or '_'.</summary>
    InvalidStreamName = (byte)'N',
    /// <summary>Another connection is logged in to this stream.</summary>
    StreamInUse = (byte)'U',
    /// <summary>The requested sequence number is older than the oldest message the server still keeps.</summary>
    SequenceNotAvailable = (byte)'S',
}
