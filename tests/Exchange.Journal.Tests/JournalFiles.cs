using Exchange.Journal.Format;
using Exchange.Journal.Storage;

namespace Exchange.Journal.Tests;

/// <summary>Writes journals for tests and pokes at their bytes.</summary>
internal static class JournalFiles
{
    public const int RecordLength = RecordLayout.CommandRecordLength;

    /// <summary>Options with 64 KiB segments: tests read whole segments many times, 64 MiB ones would be slow.</summary>
    public static readonly JournalOptions Small = new() { SegmentBytes = 64 * 1024 };

    /// <summary>Segment size that holds exactly <paramref name="records"/> records.</summary>
    public static long SegmentFor(int records) => SegmentHeader.Size + (long)RecordLength * records;

    /// <summary>Offset of the record at <paramref name="index"/> (0-based) within its segment.</summary>
    public static long RecordOffset(int index) => SegmentHeader.Size + (long)RecordLength * index;

    /// <summary>Appends sequences first..last (commands from <see cref="CommandSamples"/>) and flushes.</summary>
    public static void Write(IJournalStorage storage, long first, long last, JournalOptions? options = null)
    {
        using var writer = JournalWriter.Open(storage, options ?? Small);
        for (long s = first; s <= last; s++)
        {
            writer.Append(CommandSamples.For(s), s);
        }
        writer.Flush();
    }

    public static List<JournalRecord> ReadAll(IJournalStorage storage) => new JournalReader(storage).ReadAll().ToList();

    public static byte[] Bytes(IJournalStorage storage, string segment)
    {
        using var s = storage.Open(segment);
        var bytes = new byte[s.Length];
        s.Read(0, bytes);
        return bytes;
    }

    public static void Overwrite(IJournalStorage storage, string segment, long offset, ReadOnlySpan<byte> data)
    {
        using var s = storage.Open(segment);
        s.Write(offset, data);
    }

    public static void FlipByte(IJournalStorage storage, string segment, long offset)
    {
        using var s = storage.Open(segment);
        var b = new byte[1];
        s.Read(offset, b);
        b[0] ^= 0x5A;
        s.Write(offset, b);
    }

    /// <summary>A complete, CRC-valid command record for any sequence and previous chain hash (to forge damage
    /// that a CRC alone cannot catch).</summary>
    public static byte[] ForgeRecord(long sequence, ulong previousChainHash, out ulong chainHash)
    {
        var record = new byte[RecordLength];
        chainHash = RecordFormat.WriteCommand(record, CommandSamples.For(sequence), sequence, previousChainHash, new ChainHasher());
        return record;
    }

    /// <summary>Chain hash stored in the record at <paramref name="offset"/>.</summary>
    public static ulong ChainHashAt(IJournalStorage storage, string segment, long offset)
    {
        var record = new byte[RecordLength];
        using var s = storage.Open(segment);
        s.Read(offset, record);
        return RecordFormat.StoredChainHash(record, RecordLength);
    }
}
