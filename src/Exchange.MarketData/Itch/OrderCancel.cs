using System.Buffers.Binary;

namespace Exchange.MarketData.Itch;

/// <summary>X, 23 bytes: header; order reference (u64) at 11; cancelled shares (u32) 19 — a partial cancel.</summary>
public readonly record struct OrderCancel(ItchHeader Header, ulong OrderReference, uint CancelledShares)
{
    public const int Size = 23;

    public void Write(Span<byte> destination)
    {
        Header.Write(destination, ItchMessageType.OrderCancel);
        BinaryPrimitives.WriteUInt64BigEndian(destination[11..], OrderReference);
        BinaryPrimitives.WriteUInt32BigEndian(destination[19..], CancelledShares);
    }

    public static bool TryRead(ReadOnlySpan<byte> source, out OrderCancel message)
    {
        message = default;
        if (!ItchHeader.Fits(source, ItchMessageType.OrderCancel, Size))
        {
            return false;
        }
        message = new OrderCancel(
            ItchHeader.Read(source), BinaryPrimitives.ReadUInt64BigEndian(source[11..]), BinaryPrimitives.ReadUInt32BigEndian(source[19..]));
        return true;
    }
}
