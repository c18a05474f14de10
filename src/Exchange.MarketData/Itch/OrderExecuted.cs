using System.Buffers.Binary;

namespace Exchange.MarketData.Itch;

/// <summary>E, 31 bytes: header; order reference (u64) at 11; executed shares (u32) 19; match number (u64) 23.
/// The execution is at the resting order's price.</summary>
public readonly record struct OrderExecuted(ItchHeader Header, ulong OrderReference, uint ExecutedShares, ulong MatchNumber)
{
    public const int Size = 31;

    public void Write(Span<byte> destination)
    {
        Header.Write(destination, ItchMessageType.OrderExecuted);
        BinaryPrimitives.WriteUInt64BigEndian(destination[11..], OrderReference);
        BinaryPrimitives.WriteUInt32BigEndian(destination[19..], ExecutedShares);
        BinaryPrimitives.WriteUInt64BigEndian(destination[23..], MatchNumber);
    }

    public static bool TryRead(ReadOnlySpan<byte> source, out OrderExecuted message)
    {
        message = default;
        if (!ItchHeader.Fits(source, ItchMessageType.OrderExecuted, Size))
        {
            return false;
        }
        message = new OrderExecuted(
            ItchHeader.Read(source),
            BinaryPrimitives.ReadUInt64BigEndian(source[11..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[19..]),
            BinaryPrimitives.ReadUInt64BigEndian(source[23..]));
        return true;
    }
}
