namespace Exchange.Binary.Framing;

/// <summary>What <see cref="Packet.TryRead"/> found at the start of a buffer.</summary>
public enum PacketStatus : byte
{
    /// <summary>A whole packet: its type, payload and length are set.</summary>
    Complete = 1,
    /// <summary>Not enough bytes yet for the next packet.</summary>
    NeedMoreData = 2,
    /// <summary>The length field is 0 or larger than <see cref="Packet.MaxLength"/>: the stream cannot be resynchronised, close it.</summary>
    Invalid = 3,
}
