using System.Buffers.Binary;
using Exchange.Journal.Format;
using Exchange.Journal.Storage;

namespace Exchange.Journal.Tests.Format;

/// <summary>Journals written before record format 2 (220-byte records, commands without an entry session) are
/// still read, and a writer continues such a journal with format 2 records.</summary>
public class Version1RecordTests
{
    [Fact]
    public void ShouldReadVersion1RecordsAndAppendVersion2RecordsAfterThem()
    {
        using var storage = new MemoryJournalStorage();
        JournalFiles.Write(storage, 1, 5);
        string segment = Assert.Single(storage.ListSegments());
        RewriteAsVersion1(storage, segment, records: 5);

        JournalFiles.Write(storage, 6, 9);
        var records = JournalFiles.ReadAll(storage);

        Assert.Equal(Enumerable.Range(1, 9).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.All(records.Take(5), r => Assert.Equal(CommandSamples.For(r.Sequence) with { EntrySession = 0 }, r.Command));
        Assert.All(records.Skip(5), r => Assert.Equal(CommandSamples.For(r.Sequence), r.Command));
    }

    [Fact]
    public void ShouldTreatADamagedVersion1RecordAtTheEndAsATornTail()
    {
        using var storage = new MemoryJournalStorage();
        JournalFiles.Write(storage, 1, 3);
        string segment = Assert.Single(storage.ListSegments());
        RewriteAsVersion1(storage, segment, records: 3);
        JournalFiles.FlipByte(storage, segment, SegmentHeader.Size + 2L * RecordLayout.CommandRecordLengthVersion1 + 100);

        Assert.Equal([1L, 2L], JournalFiles.ReadAll(storage).Select(r => r.Sequence));
    }

    /// <summary>Replaces the first <paramref name="records"/> records of a segment with what format 1 wrote for the
    /// same commands (no entry session, chain hashes and CRCs over the shorter records), zeroing the rest.</summary>
    private static void RewriteAsVersion1(IJournalStorage storage, string segment, int records)
    {
        byte[] bytes = JournalFiles.Bytes(storage, segment);
        var rewritten = new byte[bytes.Length];
        bytes.AsSpan(0, SegmentHeader.Size).CopyTo(rewritten);
        Assert.True(SegmentHeader.TryRead(bytes, out var header));
        ulong chain = header.PreviousChainHash;
        var hasher = new ChainHasher();
        const int oldLength = RecordLayout.CommandRecordLengthVersion1;
        for (int i = 0; i < records; i++)
        {
            var source = bytes.AsSpan(SegmentHeader.Size + i * RecordLayout.CommandRecordLength, RecordLayout.CommandRecordLength);
            var record = rewritten.AsSpan(SegmentHeader.Size + i * oldLength, oldLength);
            source[..(RecordLayout.HeaderSize + CommandCodecSizeVersion1)].CopyTo(record);
            BinaryPrimitives.WriteUInt32LittleEndian(record, oldLength);
            record[RecordLayout.VersionOffset] = RecordLayout.FormatVersion1;
            chain = hasher.Next(chain, record[..(oldLength - RecordLayout.TrailerSize)]);
            BinaryPrimitives.WriteUInt64LittleEndian(record[(oldLength - RecordLayout.TrailerSize)..], chain);
            BinaryPrimitives.WriteUInt32LittleEndian(record[(oldLength - 4)..], Crc32C.Compute(record[..(oldLength - 4)]));
        }
        JournalFiles.Overwrite(storage, segment, 0, rewritten);
    }

    private const int CommandCodecSizeVersion1 = Exchange.Journal.Encoding.CommandCodec.SizeVersion1;
}
