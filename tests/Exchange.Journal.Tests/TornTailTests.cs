using Exchange.Journal.Format;
using Exchange.Journal.Storage;

namespace Exchange.Journal.Tests;

/// <summary>A crash in the middle of the last write leaves a torn tail: recovery must cut exactly the torn
/// record, keep everything before it and let the writer continue (Garnet's RespAofTornTailTests, in steps).</summary>
public class TornTailTests
{
    private const int Intact = 10;
    private static readonly string Segment = SegmentName.Format(1);

    [Fact]
    public void ShouldTruncateExactlyTheTornRecordWhateverByteTheCrashCameAt()
    {
        for (int written = 1; written < JournalFiles.RecordLength; written++)
        {
            // 1. Write and flush records 1..10, then record 11.
            var storage = new MemoryJournalStorage();
            JournalFiles.Write(storage, 1, Intact + 1);
            long tornOffset = JournalFiles.RecordOffset(Intact);
            var record = JournalFiles.Bytes(storage, Segment).AsSpan((int)tornOffset, JournalFiles.RecordLength).ToArray();

            // 2. Crash: only the first `written` bytes of record 11 reached the disk.
            JournalFiles.Overwrite(storage, Segment, tornOffset + written, new byte[JournalFiles.RecordLength - written]);

            // 3. Recover.
            using var writer = JournalWriter.Open(storage);

            // 4. Exactly record 11 was dropped, at its offset, and reported.
            var torn = Assert.IsType<TornTail>(writer.Recovery.TornTail);
            Assert.Equal(Segment, torn.Segment);
            Assert.Equal(tornOffset, torn.Offset);
            Assert.Equal(record.AsSpan(0, written).LastIndexOfAnyExcept((byte)0) + 1, torn.BytesDropped);
            Assert.Equal(Intact, writer.Recovery.RecordCount);
            Assert.Equal(Intact + 1, writer.NextSequence);
            Assert.All(JournalFiles.Bytes(storage, Segment).AsSpan((int)tornOffset).ToArray(), b => Assert.Equal(0, b));

            // 5. Records 1..10 are intact.
            var records = JournalFiles.ReadAll(storage);
            Assert.Equal(Enumerable.Range(1, Intact).Select(i => CommandSamples.For(i)), records.Select(r => r.Command));

            // 6. Appending continues the chain where the intact log ended.
            writer.Append(CommandSamples.For(Intact + 1), Intact + 1);
            writer.Flush();
            Assert.Equal(Intact + 1, JournalFiles.ReadAll(storage).Count);
        }
    }

    [Fact]
    public void ShouldTruncateACompleteLastRecordWithABadCrc()
    {
        // 1. Write records 1..11.
        var storage = new MemoryJournalStorage();
        JournalFiles.Write(storage, 1, Intact + 1);

        // 2. Damage the last record's CRC: indistinguishable from a write torn inside its last bytes.
        JournalFiles.FlipByte(storage, Segment, JournalFiles.RecordOffset(Intact) + JournalFiles.RecordLength - 1);

        // 3. Recover: the record is dropped and reported, the rest kept.
        using var writer = JournalWriter.Open(storage);
        Assert.Equal(JournalFiles.RecordOffset(Intact), writer.Recovery.TornTail?.Offset);
        Assert.Equal(JournalFiles.RecordLength, writer.Recovery.TornTail?.BytesDropped);
        Assert.Equal(Intact, JournalFiles.ReadAll(storage).Count);
    }

    [Fact]
    public void ShouldTruncateGarbageAfterTheLastRecord()
    {
        // 1. Write records 1..10.
        var storage = new MemoryJournalStorage();
        JournalFiles.Write(storage, 1, Intact);

        // 2. Garbage (no valid record) lies after them, e.g. a partly written batch of a dying disk.
        var garbage = new byte[300];
        new Random(5).NextBytes(garbage);
        garbage[0] = 0;
        JournalFiles.Overwrite(storage, Segment, JournalFiles.RecordOffset(Intact), garbage);

        // 3. Recover: the garbage is zeroed and reported, records 1..10 kept.
        using var writer = JournalWriter.Open(storage);
        Assert.Equal(JournalFiles.RecordOffset(Intact), writer.Recovery.TornTail?.Offset);
        Assert.Equal(300, writer.Recovery.TornTail?.BytesDropped);
        Assert.Equal(Intact, JournalFiles.ReadAll(storage).Count);
    }

    [Fact]
    public void ShouldTruncateARecordTornAcrossAFaultInjectedCrash()
    {
        for (int seed = 0; seed < 200; seed++)
        {
            // 1. Write and flush records 1..10.
            var memory = new MemoryJournalStorage();
            var storage = new FaultInjectingJournalStorage(memory);
            var writer = JournalWriter.Open(storage, JournalFiles.Small);
            for (long s = 1; s <= Intact; s++)
            {
                writer.Append(CommandSamples.For(s), s);
            }
            writer.Flush();

            // 2. Crash while records 11..15 are being written: a random prefix of the batch survives, torn.
            for (long s = Intact + 1; s <= Intact + 5; s++)
            {
                writer.Append(CommandSamples.For(s), s);
            }
            storage.CrashAfter(storage.OperationCount + 1, seed);
            Assert.Throws<IOException>(writer.Flush);

            // 3. Recover: 1..10 always survive, plus whichever whole records made it.
            using var recovered = JournalWriter.Open(memory);
            var records = JournalFiles.ReadAll(memory);
            Assert.InRange(records.Count, Intact, Intact + 5);
            Assert.Equal(Enumerable.Range(1, records.Count).Select(i => (long)i), records.Select(r => r.Sequence));
            Assert.Equal(records.Count + 1, recovered.NextSequence);
        }
    }

    [Fact]
    public void ShouldDeleteANewSegmentWhoseHeaderWasTornAtAnyByte()
    {
        var options = new JournalOptions { SegmentBytes = JournalFiles.SegmentFor(3) };
        string second = SegmentName.Format(4);
        for (int written = 0; written < SegmentHeader.Size; written++)
        {
            // 1. Fill segment 1 with records 1..3; write record 4, which starts segment 2.
            var storage = new MemoryJournalStorage();
            JournalFiles.Write(storage, 1, 4, options);

            // 2. Crash during the roll: record 4 never reached the disk, its segment header only partly.
            JournalFiles.Overwrite(storage, second, written, new byte[JournalFiles.SegmentFor(1) - written]);

            // 3. Recover: the empty segment is deleted; the writer goes on from record 4.
            using var writer = JournalWriter.Open(storage, options);
            Assert.Equal(second, writer.Recovery.DeletedSegment);
            Assert.Equal([SegmentName.Format(1)], storage.ListSegments());
            Assert.Equal(4, writer.NextSequence);
            writer.Append(CommandSamples.For(4), 4);
            writer.Flush();
            Assert.Equal(4, JournalFiles.ReadAll(storage).Count);
        }
    }

    [Fact]
    public void ShouldKeepANewSegmentWhoseHeaderArrivedWithoutAnyRecord()
    {
        // 1. Records 1..3 fill segment 1; record 4 starts segment 2.
        var options = new JournalOptions { SegmentBytes = JournalFiles.SegmentFor(3) };
        var storage = new MemoryJournalStorage();
        JournalFiles.Write(storage, 1, 4, options);

        // 2. Crash: segment 2's header reached the disk, record 4 did not.
        JournalFiles.Overwrite(storage, SegmentName.Format(4), SegmentHeader.Size, new byte[JournalFiles.RecordLength]);

        // 3. Recover: nothing to repair; the writer appends record 4 into segment 2.
        using var writer = JournalWriter.Open(storage, options);
        Assert.Null(writer.Recovery.TornTail);
        Assert.Null(writer.Recovery.DeletedSegment);
        Assert.Equal(4, writer.NextSequence);
        writer.Append(CommandSamples.For(4), 4);
        writer.Flush();
        Assert.Equal(4, JournalFiles.ReadAll(storage).Count);
    }
}
