using Exchange.Journal.Format;
using Exchange.Journal.Storage;

namespace Exchange.Journal.Tests;

/// <summary>Start-up after a snapshot reads the journal only from the segment the snapshot leaves off in.</summary>
public class SkipThroughTests
{
    private readonly MemoryJournalStorage _storage = new();
    private readonly JournalOptions _options = new() { SegmentBytes = JournalFiles.SegmentFor(3) };

    [Theory]
    [InlineData(1, 1)]   // in the first segment: nothing skipped
    [InlineData(3, 4)]   // the last record of a segment: the next one starts at 4, the first record needed
    [InlineData(4, 4)]
    [InlineData(8, 7)]
    [InlineData(9, 7)]   // the last segment starts right after: read from the one before (it may be incomplete)
    [InlineData(12, 10)]
    public void ShouldStartAtTheSegmentHoldingTheNextSequence(long skipThrough, long firstRead)
    {
        JournalFiles.Write(_storage, 1, 12, _options); // segments of 3 records: 1, 4, 7, 10
        var read = new JournalReader(_storage, skipThrough).ReadAll().Select(r => r.Sequence).ToList();
        Assert.Equal(firstRead, read[0]);
        Assert.Equal(12, read[^1]);
        Assert.Contains(skipThrough + 1 <= 12 ? skipThrough + 1 : 12, read);
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
        Assert.Equal([7, 8], replayed);
        // A full, verifying read still finds one unbroken chain.
        Assert.Equal(Enumerable.Range(1, 14).Select(i => (long)i), JournalFiles.ReadAll(_storage).Select(r => r.Sequence));
    }
}
