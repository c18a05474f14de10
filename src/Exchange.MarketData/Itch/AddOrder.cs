using System.Buffers.Binary;

namespace Exchange.MarketData.Itch;

/// <summary>A, 36 bytes: header; order reference (u64) at 11; side (1) 19; shares (u32) 20; stock (8) 24;
/// price (Price(4) u32) 32.</summary>
public readonly record struct AddOrder(ItchHeader Header, ulong OrderReference, ItchSide Side, uint Shares, ItchStock Stock, uint Price)
{
    public const int Size = 36;

    public void Write(Span<byte> destination)
    {
        Header.Write(destination, ItchMessageType.AddOrder);
        WriteBody(destination, OrderReference, Side, Shares, Stock, Price);
    }

    public static bool TryRead(ReadOnlySpan<byte> source, out AddOrder message)
    {
        message = default;
        if (!ItchHeader.Fits(source, ItchMessageType.AddOrder, Size))
        {
            return false;
        }
        message = new AddOrder(
            ItchHeader.Read(source),
            BinaryPrimitives.ReadUInt64BigEndian(source[11..]),
            (ItchSide)source[19],
            BinaryPrimitives.ReadUInt32BigEndian(source[20..]),
            ItchStock.Read(source[24..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[32..]));
        return true;
    }

    // Shared with F, whose first 36 bytes are laid out exactly like A.
    internal static void WriteBody(Span<byte> destination, ulong orderReference, ItchSide side, uint shares, ItchStock stock, uint price)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination[11..], orderReference);
        destination[19] = (byte)side;
        BinaryPrimitives.WriteUInt32BigEndian(destination[20..], shares);
        stock.Write(destination[24..]);
        BinaryPrimitives.WriteUInt32BigEndian(destination[32..], price);
    }
}
