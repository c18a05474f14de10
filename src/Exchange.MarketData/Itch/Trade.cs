using System.Buffers.Binary;

namespace Exchange.MarketData.Itch;

/// <summary>P (trade, non-cross), 44 bytes: header; order reference (u64) at 11; side (1) 19; shares (u32) 20;
/// stock (8) 24; price (Price(4) u32) 32; match number (u64) 36. Executes a non-displayed order: no book change.</summary>
public readonly record struct Trade(
    ItchHeader Header, ulong OrderReference, ItchSide Side, uint Shares, ItchStock Stock, uint Price, ulong MatchNumber)
{
    public const int Size = 44;

    public void Write(Span<byte> destination)
    {
        Header.Write(destination, ItchMessageType.Trade);
        AddOrder.WriteBody(destination, OrderReference, Side, Shares, Stock, Price);
        BinaryPrimitives.WriteUInt64BigEndian(destination[36..], MatchNumber);
    }

    public static bool TryRead(ReadOnlySpan<byte> source, out Trade message)
    {
        message = default;
        if (!ItchHeader.Fits(source, ItchMessageType.Trade, Size))
        {
            return false;
        }
        message = new Trade(
            ItchHeader.Read(source),
            BinaryPrimitives.ReadUInt64BigEndian(source[11..]),
            (ItchSide)source[19],
            BinaryPrimitives.ReadUInt32BigEndian(source[20..]),
            ItchStock.Read(source[24..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[32..]),
            BinaryPrimitives.ReadUInt64BigEndian(source[36..]));
        return true;
    }
}
