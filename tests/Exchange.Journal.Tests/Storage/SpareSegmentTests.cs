using Exchange.Journal.Format;
using Exchange.Journal.Storage;

namespace Exchange.Journal.Tests.Storage;

/// <summary><see cref="FileJournalStorage.KeepSpareSegment"/>: the next segment created ahead and taken by a rename.</summary>
public sealed class SpareSegmentTests : IDisposable
{
    private const long Length = 64 * 1024;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "exchange-spare-tests", Guid.NewGuid().ToString("N"));

    private string SparePath => Path.Combine(_directory, SpareSegment.FileName);

    [Fact]
    public void ShouldCreateTheNextSegmentFromTheSpareAndPrepareAnother()
    {
        using var storage = new FileJournalStorage(_directory);
        storage.KeepSpareSegment(Length);
        storage.WaitForSpareSegment();
        Assert.Equal(Length, new FileInfo(SparePath).Length);

        using (var segment = storage.Create(SegmentName.Format(1), Length))
        {
            var bytes = new byte[Length];
            Assert.Equal(Length, segment.Length);
            Assert.Equal((int)Length, segment.Read(0, bytes));
            Assert.All(bytes, b => Assert.Equal(0, b));
        }
        Assert.Equal([SegmentName.Format(1)], storage.ListSegments());

        storage.WaitForSpareSegment(); // the next one, started by Create
        Assert.Equal(Length, new FileInfo(SparePath).Length);
    }

    [Fact]
    public void ShouldCreateTheSegmentItselfWhenTheSpareHasAnotherLength()
    {
        using var storage = new FileJournalStorage(_directory);
        storage.KeepSpareSegment(Length);
        storage.WaitForSpareSegment();

        using var segment = storage.Create(SegmentName.Format(1), 1000);

        Assert.Equal(1000, segment.Length);
        Assert.Equal(Length, new FileInfo(SparePath).Length); // kept for a segment of its length
    }

    [Fact]
    public void ShouldStillRefuseASegmentThatExists()
    {
        using var storage = new FileJournalStorage(_directory);
        storage.Create(SegmentName.Format(1), Length).Dispose();
        storage.KeepSpareSegment(Length);
        storage.WaitForSpareSegment();

        Assert.ThrowsAny<IOException>(() => storage.Create(SegmentName.Format(1), Length));
    }

    [Fact]
    public void ShouldCreateTheSegmentItselfWhenTheSpareWasRemoved()
    {
        using var storage = new FileJournalStorage(_directory);
        storage.KeepSpareSegment(Length);
        storage.WaitForSpareSegment();
        File.Delete(SparePath);

        using (var segment = storage.Create(SegmentName.Format(1), Length))
        {
            Assert.Equal(Length, segment.Length);
        }

        storage.WaitForSpareSegment(); // and a new spare for the next one
        Assert.True(File.Exists(SparePath));
    }

    [Fact]
    public void ShouldRemoveTheSpareWhenDisposed()
    {
        var storage = new FileJournalStorage(_directory);
        storage.KeepSpareSegment(Length);
        storage.WaitForSpareSegment();

        storage.Dispose();

        Assert.False(File.Exists(SparePath));
    }

    [Fact]
    public void ShouldJournalAcrossSegmentsTakenFromSpares()
    {
        var options = new JournalOptions { SegmentBytes = Length };
        using (var storage = new FileJournalStorage(_directory))
        {
            storage.KeepSpareSegment(Length);
            using var writer = JournalWriter.Open(storage, options);
            for (long s = 1; s <= 1_000; s++) // ~220 KB: four segments
            {
                writer.Append(CommandSamples.For(s), s);
                if (s % 100 == 0)
                {
                    writer.Flush();
                    storage.WaitForSpareSegment(); // so that each roll finds one ready
                }
            }
            writer.Flush();
        }

        using var reopened = new FileJournalStorage(_directory);
        Assert.True(reopened.ListSegments().Count >= 4);
        Assert.Equal(Enumerable.Range(1, 1_000).Select(i => (long)i), JournalFiles.ReadAll(reopened).Select(r => r.Sequence));
    }

    [Fact]
    public void ShouldIgnoreASpareLeftByACrashWhenRecovering()
    {
        using (var storage = new FileJournalStorage(_directory))
        {
            JournalFiles.Write(storage, 1, 50);
        }
        File.WriteAllBytes(SparePath, new byte[Length]);

        using var reopened = new FileJournalStorage(_directory);
        using var writer = JournalWriter.Open(reopened, JournalFiles.Small);

        Assert.Equal(51, writer.NextSequence);
        Assert.Null(writer.Recovery.TornTail);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
