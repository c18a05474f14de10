using System.Buffers.Binary;

namespace Exchange.Binary.Framing;

/// <summary>SoupBinTCP-style framing, little-endian: <c>u16 length</c> (of what follows: the type byte and the
/// payload), <c>u8 packet type</c>, payload. Stateless, allocation-free.</summary>
public static class Packet
{
    /// <summary>Bytes before the payload: the length field and the type.</summary>
    public const int HeaderLength = 3;

    /// <summary>The largest value of the length field either side accepts (type byte + payload).</summary>
    public const int MaxLength = 1024;

    /// <summary>Looks for one whole packet at the start of <paramref name="buffer"/>. On
    /// <see cref="PacketStatus.Complete"/>, <paramref name="consumed"/> is its total length on the wire.</summary>
    public static PacketStatus TryRead(ReadOnlySpan<byte> buffer, out PacketType type, out ReadOnlySpan<byte> payload, out int consumed)
    {
        type = default;
        payload = default;
        consumed = 0;
        if (buffer.Length < 2)
        {
            return PacketStatus.NeedMoreData;
        }
        int length = BinaryPrimitives.ReadUInt16LittleEndian(buffer);
        if (length == 0 || length > MaxLength)
        {
            return PacketStatus.Invalid;
        }
        if (buffer.Length < 2 + length)
        {
            return PacketStatus.NeedMoreData;
        }
        type = (PacketType)buffer[2];
        payload = buffer.Slice(HeaderLength, length - 1);
        consumed = 2 + length;
        return PacketStatus.Complete;
    }

    /// <summary>Writes a packet header for a payload of <paramref name="payloadLength"/> bytes; the payload goes
    /// right after it, at <see cref="HeaderLength"/>. Returns the packet's total length.</summary>
    public static int WriteHeader(Span<byte> destination, PacketType type, int payloadLength)
    {
        if ((uint)payloadLength > MaxLength - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(payloadLength));
        }
        BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)(payloadLength + 1));
        destination[2] = (byte)type;
        return HeaderLength + payloadLength;
    }

    /// <summary>Writes a packet with no payload (heartbeats, logout, end of session). Returns 3.</summary>
    public static int WriteEmpty(Span<byte> destination, PacketType type) => WriteHeader(destination, type, 0);
}
