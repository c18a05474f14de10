using System.Buffers.Binary;

namespace Exchange.MarketData.Itch;

/// <summary>C, 36 bytes: header; order reference (u64) at 11; executed shares (u32) 19; match number (u64) 23;
/// printable (1, Y/N) 31; execution price (Price(4) u32) 32.</summary>
public readonly record struct OrderExecutedWithPrice(
    ItchHeader Header, ulong OrderReference, uint ExecutedShares, ulong MatchNumber, byte Printable, uint ExecutionPrice)
{
    public const int Size = 36;

    public void Write(Span<byte> destination)
    {
        Header.Write(destination, ItchMessageType.OrderExecutedWithPrice);
        BinaryPrimitives.WriteUInt64BigEndian(destination[11..], OrderReference);
        BinaryPrimitives.WriteUInt32BigEndian(destination[19..], ExecutedShares);
        BinaryPrimitives.WriteUInt64BigEndian(destination[23..], MatchNumber);
        destination[31] = Printable;
        BinaryPrimitives.WriteUInt32BigEndian(destination[32..], ExecutionPrice);
    }

    public static bool TryRead(ReadOnlySpan<byte> source, out OrderExecutedWithPrice message)
    {
        message = default;
        if (!ItchHeader.Fits(source, ItchMessageType.OrderExecutedWithPrice, Size))
        {
            return false;
        }
        message = new OrderExecutedWithPrice(
            ItchHeader.Read(source),
            BinaryPrimitives.ReadUInt64BigEndian(source[11..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[19..]),
            BinaryPrimitives.ReadUInt64BigEndian(source[23..]),
            source[31],
            BinaryPrimitives.ReadUInt32BigEndian(source[32..]));
        return true;
    }
}
