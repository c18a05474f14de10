using System.Buffers.Binary;

namespace Exchange.Binary.Framing;

/// <summary>The payload of a <see cref="PacketType.LoginAccepted"/> (24 bytes): 0 stream instance u64 (changes
/// when the server's copy of the stream starts afresh, e.g. after a restart: sequence numbers of another
/// instance mean nothing), 8 next sequence number u64 (of the first sequenced message this connection receives),
/// 16 oldest sequence number u64 the server can still replay.</summary>
public readonly record struct LoginAccepted(ulong StreamInstance, ulong NextSequence, ulong OldestAvailable)
{
    public const int Length = 24;

    public int WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination, StreamInstance);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], NextSequence);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], OldestAvailable);
        return Length;
    }

    public static bool TryRead(ReadOnlySpan<byte> payload, out LoginAccepted accepted)
    {
        if (payload.Length != Length)
        {
            accepted = default;
            return false;
        }
        accepted = new LoginAccepted(BinaryPrimitives.ReadUInt64LittleEndian(payload), BinaryPrimitives.ReadUInt64LittleEndian(payload[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(payload[16..]));
        return true;
    }
}
