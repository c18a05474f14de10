using Exchange.Journal.Format;
using Exchange.Journal.Storage;

namespace Exchange.Journal.Tests;

/// <summary>Start-up after a snapshot reads the journal only from the segment the snapshot leaves off in.</summary>
public class SkipThroughTests
{
    private readonly MemoryJournalStorage _storage = new();
    private readonly JournalOptions _options = new() { SegmentBytes = JournalFiles.SegmentFor(3) };

    [Theory]
    [InlineData(1)]   // in the first segment
    [InlineData(3)]   // the last record of a segment: the next one starts at 4
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(9)]   // the last segment starts right after: read from the one before (it may be incomplete)
    [InlineData(11)]
    public void ShouldReturnTheRecordsAfterTheSnapshot(long skipThrough)
    {
        JournalFiles.Write(_storage, 1, 12, _options); // segments of 3 records: 1, 4, 7, 10
        var read = new JournalReader(_storage, skipThrough).ReadAll().Select(r => r.Sequence).ToList();
        Assert.Equal(Enumerable.Range((int)skipThrough + 1, 12 - (int)skipThrough).Select(i => (long)i), read);
    }

    [Fact]
    public void ShouldEndRightAfterTheSnapshotWhenItHoldsTheLastRecord()
    {
        JournalFiles.Write(_storage, 1, 12, _options);
        var reader = new JournalReader(_storage, 12);
        Assert.Empty(reader.ReadAll());
        Assert.Equal(13, reader.End.NextSequence);
        Assert.Equal(JournalFiles.ChainHashAt(_storage, SegmentName.Format(10), JournalFiles.RecordOffset(2)), reader.End.LastChainHash);
    }

    [Fact]
    public void ShouldNotReadTheRecordsBeforeTheSnapshotInItsSegment()
    {
        JournalFiles.Write(_storage, 1, 12, _options);
        JournalFiles.FlipByte(_storage, SegmentName.Format(7), JournalFiles.RecordOffset(0) + 40); // sequence 7
        Assert.Throws<JournalCorruptedException>(() => JournalFiles.ReadAll(_storage));
        Assert.Equal([9, 10, 11, 12], new JournalReader(_storage, skipThrough: 8).ReadAll().Select(r => r.Sequence));
    }

    [Fact]
    public void ShouldReadTheSegmentFromItsStartWhenTheRecordOfTheSnapshotIsDamaged()
    {
        JournalFiles.Write(_storage, 1, 12, _options);
        JournalFiles.FlipByte(_storage, SegmentName.Format(7), JournalFiles.RecordOffset(1) + 40); // sequence 8
        // Not sought: the full read of that segment finds the damaged record with intact ones after it.
        Assert.Throws<JournalCorruptedException>(() => new JournalReader(_storage, skipThrough: 8).ReadAll().ToList());
    }

    [Fact]
    public void ShouldReadTheSegmentFromItsStartWhenTheJournalEndsBeforeTheSnapshot()
    {
        JournalFiles.Write(_storage, 1, 11, _options);
        var reader = new JournalReader(_storage, skipThrough: 12);
        Assert.Empty(reader.ReadAll());
        Assert.Equal(12, reader.End.NextSequence); // the caller sees that records are missing
    }

    [Fact]
    public void ShouldNotReadTheSkippedSegments()
    {
        JournalFiles.Write(_storage, 1, 12, _options);
        JournalFiles.FlipByte(_storage, SegmentName.Format(1), JournalFiles.RecordOffset(1) + 40);
        Assert.Throws<JournalCorruptedException>(() => JournalFiles.ReadAll(_storage)); // a full read sees it
        Assert.Equal(12, new JournalReader(_storage, skipThrough: 6).ReadAll().Last().Sequence);
    }

    [Fact]
    public void ShouldFindTheEndWhenACrashDuringARollRightAfterTheSnapshotLeftASegmentWithoutHeader()
    {
        JournalFiles.Write(_storage, 1, 12, _options);
        _storage.Create(SegmentName.Format(13), _options.SegmentBytes).Dispose(); // created, header never written
        using var writer = JournalWriter.Open(_storage, _options, skipThrough: 12);
        Assert.Equal(13, writer.NextSequence);
        Assert.Equal(SegmentName.Format(13), writer.Recovery.DeletedSegment);
    }

    [Fact]
    public void ShouldContinueTheChainWhenAppendingAfterASkippingRecovery()
    {
        JournalFiles.Write(_storage, 1, 8, _options);
        var replayed = new List<long>();
        using (var writer = JournalWriter.Open(_storage, _options, r => replayed.Add(r.Sequence), skipThrough: 7))
        {
            Assert.Equal(9, writer.NextSequence);
            for (long s = 9; s <= 14; s++)
            {
                var command = CommandSamples.For(s);
                writer.Append(in command, s);
            }
            writer.Flush();
        }
        Assert.Equal([8], replayed);
        // A full, verifying read still finds one unbroken chain.
        Assert.Equal(Enumerable.Range(1, 14).Select(i => (long)i), JournalFiles.ReadAll(_storage).Select(r => r.Sequence));
    }
}
