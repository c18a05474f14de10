using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Exchange.Core.Commands;
using Exchange.Journal.Encoding;

namespace Exchange.Journal.Format;

/// <summary>Writes and checks whole records laid out as <see cref="RecordLayout"/> describes. Allocation-free.</summary>
internal static class RecordFormat
{
    /// <summary>Writes a command record into the first <see cref="RecordLayout.CommandRecordLength"/> bytes of
    /// <paramref name="destination"/> and returns its chain hash. The header timestamp is the command's.</summary>
    public static ulong WriteCommand(Span<byte> destination, in Command command, long sequence, ulong previousChainHash,
        ChainHasher hasher)
    {
        const int length = RecordLayout.CommandRecordLength;
        var record = destination[..length];
        BinaryPrimitives.WriteUInt32LittleEndian(record, length);
        record[RecordLayout.TypeOffset] = (byte)RecordType.Command;
        record[RecordLayout.VersionOffset] = RecordLayout.FormatVersion;
        BinaryPrimitives.WriteUInt16LittleEndian(record[6..], 0);
        BinaryPrimitives.WriteInt64LittleEndian(record[RecordLayout.SequenceOffset..], sequence);
        BinaryPrimitives.WriteInt64LittleEndian(record[RecordLayout.TimestampOffset..], command.Timestamp);
        CommandCodec.Encode(in command, record[RecordLayout.HeaderSize..]);
        int chainOffset = length - RecordLayout.TrailerSize;
        ulong chain = hasher.Next(previousChainHash, record[..chainOffset]);
        BinaryPrimitives.WriteUInt64LittleEndian(record[chainOffset..], chain);
        BinaryPrimitives.WriteUInt32LittleEndian(record[(length - 4)..], Crc32C.Compute(record[..(length - 4)]));
        return chain;
    }

    /// <summary>True if <paramref name="source"/> starts with a complete record of a known type and version whose
    /// CRC matches; <paramref name="length"/> is then its total length. Says nothing about sequence or chain.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsIntact(ReadOnlySpan<byte> source, out int length)
    {
        length = 0;
        if (source.Length < RecordLayout.HeaderSize)
        {
            return false;
        }
        uint declared = BinaryPrimitives.ReadUInt32LittleEndian(source);
        uint expected = ExpectedLength((RecordType)source[RecordLayout.TypeOffset], source[RecordLayout.VersionOffset]);
        if (expected == 0 || declared != expected || declared > (uint)source.Length)
        {
            return false;
        }
        int n = (int)declared;
        if (BinaryPrimitives.ReadUInt32LittleEndian(source[(n - 4)..]) != Crc32C.Compute(source[..(n - 4)]))
        {
            return false;
        }
        length = n;
        return true;
    }

    public static long Sequence(ReadOnlySpan<byte> record) =>
        BinaryPrimitives.ReadInt64LittleEndian(record[RecordLayout.SequenceOffset..]);

    public static long Timestamp(ReadOnlySpan<byte> record) =>
        BinaryPrimitives.ReadInt64LittleEndian(record[RecordLayout.TimestampOffset..]);

    public static ulong StoredChainHash(ReadOnlySpan<byte> record, int length) =>
        BinaryPrimitives.ReadUInt64LittleEndian(record[(length - RecordLayout.TrailerSize)..]);

    /// <summary>Decodes the command of an intact command record of either format version.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void DecodeCommand(ReadOnlySpan<byte> record, int length, out Command command)
    {
        var payload = record[RecordLayout.HeaderSize..(length - RecordLayout.TrailerSize)];
        if (length == RecordLayout.CommandRecordLengthVersion1)
        {
            CommandCodec.DecodeVersion1(payload, out command);
        }
        else
        {
            CommandCodec.Decode(payload, out command);
        }
    }

    // Only command records exist so far; an unknown type or version is treated like damage.
    private static uint ExpectedLength(RecordType type, byte version) => (type, version) switch
    {
        (RecordType.Command, RecordLayout.FormatVersion) => RecordLayout.CommandRecordLength,
        (RecordType.Command, RecordLayout.FormatVersion1) => RecordLayout.CommandRecordLengthVersion1,
        _ => 0u,
    };
}
