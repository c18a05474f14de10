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
        var options = new JournalOptions { SegmentBytes = 64 + RecordLayout.CommandRecordLength * 5 };
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

    [Fact]
    public void ShouldRecoverATornTailAndAppendAgain()
    {
        string segment = SegmentName.Format(1);
        JournalFiles.Write(Storage, 1, 5);
        JournalFiles.Overwrite(Storage, segment, JournalFiles.RecordOffset(4) + 100, new byte[JournalFiles.RecordLength - 100]);

        using (var writer = JournalWriter.Open(Storage))
        {
            Assert.Equal(JournalFiles.RecordOffset(4), writer.Recovery.TornTail?.Offset);
            writer.Append(CommandSamples.For(5), 5);
            writer.Append(CommandSamples.For(6), 6);
            writer.Flush();
        }
        using var reopened = ReopenStorage();

        Assert.Equal(Enumerable.Range(1, 6).Select(i => CommandSamples.For(i)), JournalFiles.ReadAll(reopened).Select(r => r.Command));
    }

    [Fact]
    public void ShouldKeepEverythingDurableThroughSimulatedCrashes()
    {
        var options = new JournalOptions { SegmentBytes = JournalFiles.SegmentFor(20), WriteBufferBytes = JournalFiles.RecordLength * 8 };
        for (int point = 1; point <= 70; point += 3)
        {
            // 1. Start from an empty journal; arm a crash after operation `point`.
            foreach (string name in Storage.ListSegments())
            {
                Storage.Delete(name);
            }
            var faulty = new FaultInjectingJournalStorage(Storage);
            faulty.CrashAfter(point, seed: point, tearLastKeptWrite: true, losePageCache: point % 8 == 1);

            // 2. Append 200 commands, flushing every 7, until the crash.
            long durable = 0;
            var writer = JournalWriter.Open(faulty, options);
            try
            {
                for (long s = 1; s <= 200; s++)
                {
                    writer.Append(CommandSamples.For(s), s);
                    if (s % 7 == 0)
                    {
                        writer.Flush();
                    }
                }
            }
            catch (IOException) when (faulty.HasCrashed)
            {
            }
            durable = writer.DurableSequence;
            writer.Dispose();

            // 3. Recover on the real storage: everything durable is there, in order, and appending works.
            using var recovered = JournalWriter.Open(Storage, options);
            var records = JournalFiles.ReadAll(Storage);
            Assert.True(faulty.HasCrashed, $"no crash at {point}");
            Assert.True(records.Count >= durable, $"crash at {point}: durable {durable}, recovered {records.Count}");
            Assert.Equal(Enumerable.Range(1, records.Count).Select(i => CommandSamples.For(i)), records.Select(r => r.Command));
            recovered.Append(CommandSamples.For(records.Count + 1), records.Count + 1);
            recovered.Flush();
        }
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
