using Exchange.Journal.Format;
using Exchange.Journal.Storage;

namespace Exchange.Journal.Tests;

/// <summary>Retention: segments wholly covered by a durable snapshot are deleted; what a recovery from that snapshot
/// needs is kept, and the journal left behind recovers, appends and verifies from the snapshot on.</summary>
public class PruningTests
{
    private readonly MemoryJournalStorage _storage = new();
    private readonly JournalOptions _options = new() { SegmentBytes = JournalFiles.SegmentFor(3) };

    private static readonly string[] Segments = [.. new long[] { 1, 4, 7, 10 }.Select(SegmentName.Format)];

    [Theory]
    [InlineData(0, new long[0])]
    [InlineData(2, new long[0])]
    [InlineData(3, new long[] { 1 })]       // 1..3 all in the snapshot; the next segment starts at 4
    [InlineData(6, new long[] { 1, 4 })]
    [InlineData(9, new long[] { 1, 4 })]    // 7..9 are covered, but the last segment (10) holds nothing covered yet
    [InlineData(10, new long[] { 1, 4, 7 })]
    [InlineData(1000, new long[] { 1, 4, 7 })] // never the last segment
    public void ShouldSelectOnlySegmentsWhollyInTheSnapshot(long coveredThrough, long[] expected)
    {
        Assert.Equal(expected.Select(SegmentName.Format), JournalPruning.SegmentsCoveredBy(Segments, coveredThrough));
    }

    [Fact]
    public void ShouldStopAtANameItCannotParse()
    {
        string[] segments = [SegmentName.Format(1), "journal-x.seg", SegmentName.Format(7), SegmentName.Format(10)];
        Assert.Empty(JournalPruning.SegmentsCoveredBy(segments, 100));
    }

    [Fact]
    public void ShouldRecoverAndAppendFromTheSnapshotAfterPruning()
    {
        JournalFiles.Write(_storage, 1, 12, _options); // segments of 3 records: 1, 4, 7, 10
        var deleted = JournalPruning.Prune(_storage, coveredThrough: 7);
        Assert.Equal([SegmentName.Format(1), SegmentName.Format(4)], deleted);
        Assert.Equal([SegmentName.Format(7), SegmentName.Format(10)], _storage.ListSegments());

        var replayed = new List<long>();
        using (var writer = JournalWriter.Open(_storage, _options, r => replayed.Add(r.Sequence), skipThrough: 7))
        {
            Assert.Equal(13, writer.NextSequence);
            for (long s = 13; s <= 15; s++)
            {
                writer.Append(CommandSamples.For(s), s);
            }
            writer.Flush();
        }
        Assert.Equal([8, 9, 10, 11, 12], replayed);
        // Every record kept is still verified, chain included, when read from the oldest kept segment on.
        Assert.Equal(Enumerable.Range(7, 9).Select(i => (long)i), new JournalReader(_storage, 6).ReadAll().Select(r => r.Sequence));
    }

    [Fact]
    public void ShouldRefuseAFullReadOfAPrunedJournal()
    {
        JournalFiles.Write(_storage, 1, 12, _options);
        JournalPruning.Prune(_storage, coveredThrough: 7);
        // Without a snapshot to start from, a journal that no longer starts at its first record is missing history.
        Assert.Throws<JournalCorruptedException>(() => JournalFiles.ReadAll(_storage));
    }

    [Fact]
    public void ShouldRefuseToRecoverWhenRecordsAfterTheSnapshotAreGone()
    {
        JournalFiles.Write(_storage, 1, 12, _options);
        _storage.Delete(SegmentName.Format(1));
        _storage.Delete(SegmentName.Format(4)); // holds 5 and 6, which a snapshot at 4 does not
        Assert.Throws<JournalCorruptedException>(() => JournalWriter.Open(_storage, _options, skipThrough: 4).Dispose());
    }

    [Fact]
    public void ShouldKeepTheSegmentBeforeANewlyCreatedOneWithoutAHeader()
    {
        JournalFiles.Write(_storage, 1, 12, _options);
        // The writer has just created the next segment; its header (written with its first record) is not there yet.
        _storage.Create(SegmentName.Format(13), _options.SegmentBytes).Dispose();
        Assert.Equal([SegmentName.Format(1), SegmentName.Format(4), SegmentName.Format(7)], JournalPruning.Prune(_storage, coveredThrough: 12));
        // A crash now: recovery deletes the empty segment and still finds the journal up to the snapshot.
        using var writer = JournalWriter.Open(_storage, _options, skipThrough: 12);
        Assert.Equal(13, writer.NextSequence);
        Assert.Equal([SegmentName.Format(10)], _storage.ListSegments());
    }

    [Fact]
    public void ShouldPruneFilesWhileAnotherInstanceAppends()
    {
        string directory = Path.Combine(Path.GetTempPath(), "exchange-journal-tests", Guid.NewGuid().ToString("N"));
        try
        {
            AppendAndPruneConcurrently(directory);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private void AppendAndPruneConcurrently(string directory)
    {
        using var storage = new FileJournalStorage(directory);
        using var writer = JournalWriter.Open(storage, _options);
        for (long s = 1; s <= 20; s++)
        {
            writer.Append(CommandSamples.For(s), s);
            writer.Flush();
        }
        using var pruning = new FileJournalStorage(directory);
        Assert.Equal(6, JournalPruning.Prune(pruning, coveredThrough: 19).Count); // 1..18 in six segments
        for (long s = 21; s <= 25; s++)
        {
            writer.Append(CommandSamples.For(s), s);
            writer.Flush();
        }
        Assert.Equal(25, new JournalReader(storage, 19).ReadAll().Last().Sequence);
    }
}
