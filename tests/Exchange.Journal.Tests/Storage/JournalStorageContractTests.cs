using Exchange.Journal.Format;
using Exchange.Journal.Storage;

namespace Exchange.Journal.Tests.Storage;

/// <summary>What every <see cref="IJournalStorage"/> must do, run against each implementation (as exchange-core
/// runs one order-book test base against both of its books).</summary>
public abstract class JournalStorageContractTests : IDisposable
{
    private IJournalStorage? _storage;

    protected IJournalStorage Storage => _storage ??= CreateStorage();

    /// <summary>A fresh, empty storage.</summary>
    protected abstract IJournalStorage CreateStorage();

    /// <summary>A second storage over the same place, as a restarted process would see it.</summary>
    protected abstract IJournalStorage ReopenStorage();

    [Fact]
    public void ShouldCreateZeroFilledSegmentsOfTheRequestedLength()
    {
        using var segment = Storage.Create("journal-00000000000000000001.seg", 10_000);
        var bytes = new byte[10_000];

        Assert.Equal(10_000, segment.Length);
        Assert.Equal(10_000, segment.Read(0, bytes));
        Assert.All(bytes, b => Assert.Equal(0, b));
    }

    [Fact]
    public void ShouldRefuseToCreateASegmentThatExists()
    {
        Storage.Create("journal-00000000000000000001.seg", 100).Dispose();

        Assert.ThrowsAny<IOException>(() => Storage.Create("journal-00000000000000000001.seg", 100));
    }

    [Fact]
    public void ShouldListSegmentsInNameOrder()
    {
        Storage.Create(SegmentName.Format(300), 100).Dispose();
        Storage.Create(SegmentName.Format(1), 100).Dispose();
        Storage.Create(SegmentName.Format(20), 100).Dispose();

        Assert.Equal([SegmentName.Format(1), SegmentName.Format(20), SegmentName.Format(300)], Storage.ListSegments());
    }

    [Fact]
    public void ShouldReadBackWhatWasWrittenAtAnOffset()
    {
        using (var segment = Storage.Create("journal-00000000000000000001.seg", 1_000))
        {
            segment.Write(100, [1, 2, 3]);
            segment.FlushToDisk();
        }
        using var reopened = Storage.Open("journal-00000000000000000001.seg");
        var bytes = new byte[5];
        reopened.Read(99, bytes);

        Assert.Equal([0, 1, 2, 3, 0], bytes);
    }

    [Fact]
    public void ShouldReadFewerBytesAtTheEndOfASegment()
    {
        using var segment = Storage.Create("journal-00000000000000000001.seg", 10);

        Assert.Equal(4, segment.Read(6, new byte[8]));
    }

    [Fact]
    public void ShouldShortenAndLengthenWithZeros()
    {
        using var segment = Storage.Create("journal-00000000000000000001.seg", 10);
        segment.Write(0, [9, 9, 9, 9, 9, 9, 9, 9, 9, 9]);
        segment.SetLength(4);
        segment.SetLength(8);
        var bytes = new byte[8];
        segment.Read(0, bytes);

        Assert.Equal(8, segment.Length);
        Assert.Equal([9, 9, 9, 9, 0, 0, 0, 0], bytes);
    }

    [Fact]
    public void ShouldForgetDeletedSegments()
    {
        Storage.Create("journal-00000000000000000001.seg", 10).Dispose();
        Storage.Delete("journal-00000000000000000001.seg");

        Assert.Empty(Storage.ListSegments());
    }

    [Fact]
    public void ShouldKeepAJournalAcrossReopening()
    {
        var options = new JournalOptions { SegmentBytes = 64 + 220 * 5 };
        using (var writer = JournalWriter.Open(Storage, options))
        {
            for (long s = 1; s <= 23; s++)
            {
                writer.Append(CommandSamples.For(s), s);
            }
            writer.Flush();
        }
        using var reopened = ReopenStorage();
        var records = new JournalReader(reopened).ReadAll().ToList();

        Assert.Equal(5, reopened.ListSegments().Count);
        Assert.Equal(Enumerable.Range(1, 23).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.All(records, r => Assert.Equal(CommandSamples.For(r.Sequence), r.Command));
    }

    public void Dispose()
    {
        _storage?.Dispose();
        DisposeStorage();
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes whatever the storage left behind.</summary>
    protected virtual void DisposeStorage()
    {
    }
}
