using Exchange.Journal.Encoding;

namespace Exchange.Journal.Format;

/// <summary>Byte offsets of a journal record (all integers little-endian):
/// <code>
/// offset size field
///      0    4 total length of the record in bytes (u32); 0 never starts a record: it marks the end of data
///      4    1 record type (<see cref="RecordType"/>)
///      5    1 format version (2; version 1 records, with a 184-byte command, are still read)
///      6    2 reserved, written 0
///      8    8 sequence (i64)
///     16    8 timestamp (i64, ns since the Unix epoch, stamped by the sequencer)
///     24    n payload (for a command record: <see cref="CommandCodec"/>, n = 192; 184 in version 1)
///   24+n    8 chain hash (u64) = XxHash64(previous record's chain hash ‖ bytes [0, 24+n))
///   32+n    4 CRC-32C (u32) over bytes [0, 32+n)
/// </code></summary>
internal static class RecordLayout
{
    public const int LengthOffset = 0;
    public const int TypeOffset = 4;
    public const int VersionOffset = 5;
    public const int SequenceOffset = 8;
    public const int TimestampOffset = 16;
    public const int HeaderSize = 24;
    public const int TrailerSize = 12;
    public const byte FormatVersion = 2;

    /// <summary>Total length of a command record: 228 bytes.</summary>
    public const int CommandRecordLength = HeaderSize + CommandCodec.Size + TrailerSize;

    /// <summary>Format version 1: commands without an entry session, 220-byte records (read, never written).</summary>
    public const byte FormatVersion1 = 1;

    public const int CommandRecordLengthVersion1 = HeaderSize + CommandCodec.SizeVersion1 + TrailerSize;

    /// <summary>Largest record any format version writes; readers reject longer length fields.</summary>
    public const int MaxRecordLength = CommandRecordLength;
}
