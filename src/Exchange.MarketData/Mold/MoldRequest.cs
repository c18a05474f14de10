using System.Buffers.Binary;

namespace Exchange.MarketData.Mold;

/// <summary>The 20-byte MoldUDP64 re-request a client sends to recover a gap: session (10 ASCII) at 0,
/// first missing sequence number (u64) at 10, number of messages wanted (u16) at 18, big-endian.</summary>
public readonly record struct MoldRequest(MoldSession Session, ulong SequenceNumber, ushort MessageCount)
{
    public const int Size = 20;

    public void Write(Span<byte> destination)
    {
        Session.Write(destination);
        BinaryPrimitives.WriteUInt64BigEndian(destination[10..], SequenceNumber);
        BinaryPrimitives.WriteUInt16BigEndian(destination[18..], MessageCount);
    }

    /// <summary>Fails unless <paramref name="source"/> is exactly 20 bytes: a request is one datagram.</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out MoldRequest request)
    {
        request = default;
        if (source.Length != Size)
        {
            return false;
        }
        request = new MoldRequest(
            MoldSession.Read(source), BinaryPrimitives.ReadUInt64BigEndian(source[10..]), BinaryPrimitives.ReadUInt16BigEndian(source[18..]));
        return true;
    }
}
