using System.Buffers.Binary;

namespace Exchange.Journal.Format;

/// <summary>The first <see cref="Size"/> bytes of every segment file, so a segment can be verified on its own
/// (all integers little-endian):
/// <code>
/// offset size field
///      0    8 magic "EXJRNSEG"
///      8    2 format version (1)
///     10    2 header size (64)
///     12    4 reserved, written 0
///     16    8 first sequence (i64): sequence of the segment's first record
///     24    8 previous chain hash (u64): chain hash of the last record of the previous segment, 0 for the first
///     32   28 reserved, written 0
///     60    4 CRC-32C (u32) over bytes [0, 60)
/// </code></summary>
internal readonly record struct SegmentHeader(long FirstSequence, ulong PreviousChainHash)
{
    public const int Size = 64;
    public const ushort FormatVersion = 1;
    private const ulong Magic = 0x4745534E524A5845UL; // "EXJRNSEG" read as a little-endian u64
    private const int CrcOffset = 60;

    public void WriteTo(Span<byte> destination)
    {
        var header = destination[..Size];
        header.Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(header, Magic);
        BinaryPrimitives.WriteUInt16LittleEndian(header[8..], FormatVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(header[10..], Size);
        BinaryPrimitives.WriteInt64LittleEndian(header[16..], FirstSequence);
        BinaryPrimitives.WriteUInt64LittleEndian(header[24..], PreviousChainHash);
        BinaryPrimitives.WriteUInt32LittleEndian(header[CrcOffset..], Crc32C.Compute(header[..CrcOffset]));
    }

    /// <summary>False if the bytes are not an intact version-1 segment header (short, bad magic, version or CRC).</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out SegmentHeader header)
    {
        header = default;
        if (source.Length < Size
            || BinaryPrimitives.ReadUInt64LittleEndian(source) != Magic
            || BinaryPrimitives.ReadUInt16LittleEndian(source[8..]) != FormatVersion
            || BinaryPrimitives.ReadUInt16LittleEndian(source[10..]) != Size
            || BinaryPrimitives.ReadUInt32LittleEndian(source[CrcOffset..]) != Crc32C.Compute(source[..CrcOffset]))
        {
            return false;
        }
        header = new SegmentHeader(
            BinaryPrimitives.ReadInt64LittleEndian(source[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(source[24..]));
        return true;
    }
}
