namespace Exchange.Binary.Framing;

/// <summary>The packet types of the session layer (SoupBinTCP's letters). See docs/binary-protocol.md.</summary>
public enum PacketType : byte
{
    /// <summary>Client → server: username, password, stream name, requested sequence number.</summary>
    LoginRequest = (byte)'L',
    /// <summary>Server → client: the stream's instance id and the sequence number of the next sequenced message.</summary>
    LoginAccepted = (byte)'A',
    /// <summary>Server → client: a <see cref="LoginRejectReason"/>; the server then closes the connection.</summary>
    LoginRejected = (byte)'J',
    /// <summary>Server → client: one order-entry message of the stream; its sequence number is implicit (one more than the previous).</summary>
    SequencedData = (byte)'S',
    /// <summary>Client → server: one order-entry message (not sequenced).</summary>
    UnsequencedData = (byte)'U',
    /// <summary>Server → client after a second with nothing else to send.</summary>
    ServerHeartbeat = (byte)'H',
    /// <summary>Client → server after a second with nothing else to send.</summary>
    ClientHeartbeat = (byte)'R',
    /// <summary>Client → server: ends the connection (the stream and the orders stay).</summary>
    LogoutRequest = (byte)'O',
    /// <summary>Server → client: the server is shutting down; no more messages on this connection.</summary>
    EndOfSession = (byte)'Z',
}
