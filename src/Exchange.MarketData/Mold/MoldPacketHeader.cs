using System.Buffers.Binary;

namespace Exchange.MarketData.Mold;

/// <summary>The 20-byte MoldUDP64 downstream header: session (10 ASCII) at 0, sequence number of the first
/// message (u64) at 10, message count (u16) at 18, big-endian. Count 0 is a heartbeat, 0xFFFF end of session.</summary>
public readonly record struct MoldPacketHeader(MoldSession Session, ulong SequenceNumber, ushort MessageCount)
{
    public const int Size = 20;

    /// <summary>The count that marks a heartbeat: no messages; <see cref="SequenceNumber"/> is the next one expected.</summary>
    public const ushort HeartbeatCount = 0;

    /// <summary>The count that marks the end of the session: no messages follow, ever.</summary>
    public const ushort EndOfSessionCount = 0xFFFF;

    public bool IsHeartbeat => MessageCount == HeartbeatCount;

    public bool IsEndOfSession => MessageCount == EndOfSessionCount;

    public void Write(Span<byte> destination)
    {
        Session.Write(destination);
        BinaryPrimitives.WriteUInt64BigEndian(destination[10..], SequenceNumber);
        BinaryPrimitives.WriteUInt16BigEndian(destination[18..], MessageCount);
    }

    public static bool TryRead(ReadOnlySpan<byte> source, out MoldPacketHeader header)
    {
        header = default;
        if (source.Length < Size)
        {
            return false;
        }
        header = new MoldPacketHeader(
            MoldSession.Read(source), BinaryPrimitives.ReadUInt64BigEndian(source[10..]), BinaryPrimitives.ReadUInt16BigEndian(source[18..]));
        return true;
    }
}
