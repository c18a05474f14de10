using System.Buffers.Binary;

namespace Exchange.MarketData.Itch;

/// <summary>U, 35 bytes: header; original order reference (u64) at 11; new order reference (u64) 19;
/// shares (u32) 27; price (Price(4) u32) 31. The original leaves the book; the new order keeps its side and stock.</summary>
public readonly record struct OrderReplace(ItchHeader Header, ulong OriginalOrderReference, ulong NewOrderReference, uint Shares, uint Price)
{
    public const int Size = 35;

    public void Write(Span<byte> destination)
    {
        Header.Write(destination, ItchMessageType.OrderReplace);
        BinaryPrimitives.WriteUInt64BigEndian(destination[11..], OriginalOrderReference);
        BinaryPrimitives.WriteUInt64BigEndian(destination[19..], NewOrderReference);
        BinaryPrimitives.WriteUInt32BigEndian(destination[27..], Shares);
        BinaryPrimitives.WriteUInt32BigEndian(destination[31..], Price);
    }

    public static bool TryRead(ReadOnlySpan<byte> source, out OrderReplace message)
    {
        message = default;
        if (!ItchHeader.Fits(source, ItchMessageType.OrderReplace, Size))
        {
            return false;
        }
        message = new OrderReplace(
            ItchHeader.Read(source),
            BinaryPrimitives.ReadUInt64BigEndian(source[11..]),
            BinaryPrimitives.ReadUInt64BigEndian(source[19..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[27..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[31..]));
        return true;
    }
}
