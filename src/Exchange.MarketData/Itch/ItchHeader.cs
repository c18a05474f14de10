using System.Buffers.Binary;

namespace Exchange.MarketData.Itch;

/// <summary>The fields after the type byte that every ITCH 5.0 message shares: stock locate (u16),
/// tracking number (u16) and timestamp (u48, nanoseconds since midnight), all big-endian at offsets 1, 3 and 5.</summary>
public readonly record struct ItchHeader(ushort StockLocate, ushort TrackingNumber, long Timestamp)
{
    /// <summary>Bytes of type + header: the first field of every body starts here.</summary>
    public const int Size = 11;

    /// <summary>The largest timestamp a u48 can carry.</summary>
    public const long MaxTimestamp = (1L << 48) - 1;

    /// <summary>Writes the type byte and header into <paramref name="destination"/>[0..11].</summary>
    public void Write(Span<byte> destination, ItchMessageType type)
    {
        destination[0] = (byte)type;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], StockLocate);
        BinaryPrimitives.WriteUInt16BigEndian(destination[3..], TrackingNumber);
        // u48: the high 16 bits of a 64-bit big-endian value are dropped.
        ulong ts = (ulong)Timestamp & MaxTimestamp;
        BinaryPrimitives.WriteUInt16BigEndian(destination[5..], (ushort)(ts >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(destination[7..], (uint)ts);
    }

    /// <summary>Reads the header of a message whose first byte is already known; <paramref name="source"/> must hold 11 bytes.</summary>
    public static ItchHeader Read(ReadOnlySpan<byte> source)
    {
        long ts = ((long)BinaryPrimitives.ReadUInt16BigEndian(source[5..]) << 32) | BinaryPrimitives.ReadUInt32BigEndian(source[7..]);
        return new ItchHeader(BinaryPrimitives.ReadUInt16BigEndian(source[1..]), BinaryPrimitives.ReadUInt16BigEndian(source[3..]), ts);
    }

    /// <summary>True when <paramref name="source"/> holds at least <paramref name="size"/> bytes and starts with <paramref name="type"/>.</summary>
    internal static bool Fits(ReadOnlySpan<byte> source, ItchMessageType type, int size) =>
        source.Length >= size && source[0] == (byte)type;
}
