using System.Buffers.Binary;

namespace Exchange.MarketData.Itch;

/// <summary>D, 19 bytes: header; order reference (u64) at 11 — the whole remaining order leaves the book.</summary>
public readonly record struct OrderDelete(ItchHeader Header, ulong OrderReference)
{
    public const int Size = 19;

    public void Write(Span<byte> destination)
    {
        Header.Write(destination, ItchMessageType.OrderDelete);
        BinaryPrimitives.WriteUInt64BigEndian(destination[11..], OrderReference);
    }

    public static bool TryRead(ReadOnlySpan<byte> source, out OrderDelete message)
    {
        message = default;
        if (!ItchHeader.Fits(source, ItchMessageType.OrderDelete, Size))
        {
            return false;
        }
        message = new OrderDelete(ItchHeader.Read(source), BinaryPrimitives.ReadUInt64BigEndian(source[11..]));
        return true;
    }
}
