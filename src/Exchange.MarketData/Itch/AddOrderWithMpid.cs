using System.Buffers.Binary;

namespace Exchange.MarketData.Itch;

/// <summary>F, 40 bytes: the A layout (order reference 11, side 19, shares 20, stock 24, price 32) followed by
/// the attribution MPID (4 ASCII, kept raw as a big-endian u32) at 36.</summary>
public readonly record struct AddOrderWithMpid(
    ItchHeader Header, ulong OrderReference, ItchSide Side, uint Shares, ItchStock Stock, uint Price, uint Attribution)
{
    public const int Size = 40;

    public void Write(Span<byte> destination)
    {
        Header.Write(destination, ItchMessageType.AddOrderWithMpid);
        AddOrder.WriteBody(destination, OrderReference, Side, Shares, Stock, Price);
        BinaryPrimitives.WriteUInt32BigEndian(destination[36..], Attribution);
    }

    public static bool TryRead(ReadOnlySpan<byte> source, out AddOrderWithMpid message)
    {
        message = default;
        if (!ItchHeader.Fits(source, ItchMessageType.AddOrderWithMpid, Size))
        {
            return false;
        }
        message = new AddOrderWithMpid(
            ItchHeader.Read(source),
            BinaryPrimitives.ReadUInt64BigEndian(source[11..]),
            (ItchSide)source[19],
            BinaryPrimitives.ReadUInt32BigEndian(source[20..]),
            ItchStock.Read(source[24..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[32..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[36..]));
        return true;
    }
}
