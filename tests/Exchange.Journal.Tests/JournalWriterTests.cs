using Exchange.Journal.Format;
using Exchange.Journal.Storage;

namespace Exchange.Journal.Tests;

public class JournalWriterTests
{
    private readonly MemoryJournalStorage _storage = new();

    [Fact]
    public void ShouldReadBackEveryRecordIdentically()
    {
        JournalFiles.Write(_storage, 1, 5_000);

        var records = JournalFiles.ReadAll(_storage);

        Assert.Equal(5_000, records.Count);
        for (int i = 0; i < records.Count; i++)
        {
            var command = CommandSamples.For(i + 1);
            Assert.Equal(new JournalRecord(i + 1, command.Timestamp, command), records[i]);
        }
    }

    [Fact]
    public void ShouldRollToANewSegmentWhenTheNextRecordDoesNotFit()
    {
        var options = new JournalOptions { SegmentBytes = JournalFiles.SegmentFor(3) + 100 };

        JournalFiles.Write(_storage, 1, 10, options);

        Assert.Equal([SegmentName.Format(1), SegmentName.Format(4), SegmentName.Format(7), SegmentName.Format(10)],
            _storage.ListSegments());
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), JournalFiles.ReadAll(_storage).Select(r => r.Sequence));
    }

    [Fact]
    public void ShouldLinkEachSegmentHeaderToThePreviousSegmentsLastChainHash()
    {
        var options = new JournalOptions { SegmentBytes = JournalFiles.SegmentFor(3) };
        JournalFiles.Write(_storage, 1, 7, options);

        var header = JournalFiles.Bytes(_storage, SegmentName.Format(4)).AsSpan(0, SegmentHeader.Size);

        Assert.True(SegmentHeader.TryRead(header, out var parsed));
        Assert.Equal(4, parsed.FirstSequence);
        Assert.Equal(JournalFiles.ChainHashAt(_storage, SegmentName.Format(1), JournalFiles.RecordOffset(2)), parsed.PreviousChainHash);
    }

    [Fact]
    public void ShouldContinueTheChainWhenReopened()
    {
        var options = new JournalOptions { SegmentBytes = JournalFiles.SegmentFor(4) };
        JournalFiles.Write(_storage, 1, 6, options);

        using (var writer = JournalWriter.Open(_storage, options))
        {
            Assert.Equal(7, writer.NextSequence);
            Assert.Equal(6, writer.DurableSequence);
            Assert.Equal(6, writer.Recovery.RecordCount);
            Assert.Null(writer.Recovery.TornTail);
            for (long s = 7; s <= 12; s++)
            {
                writer.Append(CommandSamples.For(s), s);
            }
            writer.Flush();
        }

        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), JournalFiles.ReadAll(_storage).Select(r => r.Sequence));
    }

    [Fact]
    public void ShouldReplayEveryRecordInOrderWhenOpened()
    {
        JournalFiles.Write(_storage, 1, 50);
        var replayed = new List<long>();

        using var writer = JournalWriter.Open(_storage, replay: r => replayed.Add(r.Sequence));

        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), replayed);
    }

    [Fact]
    public void ShouldStartAnEmptyJournalAtTheConfiguredFirstSequence()
    {
        using var writer = JournalWriter.Open(_storage, new JournalOptions { FirstSequence = 1_000 });

        Assert.Equal(1_000, writer.NextSequence);
        Assert.Equal(999, writer.DurableSequence);
        writer.Append(CommandSamples.For(1_000), 1_000);
        writer.Flush();
        Assert.Equal([SegmentName.Format(1_000)], _storage.ListSegments());
    }

    [Fact]
    public void ShouldRefuseASequenceThatIsNotTheNextOne()
    {
        using var writer = JournalWriter.Open(_storage);
        writer.Append(CommandSamples.For(1), 1);

        Assert.Throws<ArgumentException>(() => writer.Append(CommandSamples.For(3), 3));
        Assert.Throws<ArgumentException>(() => writer.Append(CommandSamples.For(1), 1));
    }

    [Fact]
    public void ShouldAdvanceTheDurableSequenceOnlyWhenABatchIsFlushed()
    {
        using var writer = JournalWriter.Open(_storage);
        writer.Append(CommandSamples.For(1), 1);
        writer.Append(CommandSamples.For(2), 2);

        Assert.Equal(0, writer.DurableSequence);
        Assert.Empty(JournalFiles.ReadAll(_storage));
        writer.Flush();
        Assert.Equal(2, writer.DurableSequence);
        Assert.Equal(2, JournalFiles.ReadAll(_storage).Count);
    }

    [Fact]
    public void ShouldFlushByItselfWhenTheWriteBufferIsFull()
    {
        using var writer = JournalWriter.Open(_storage, new JournalOptions { WriteBufferBytes = JournalFiles.RecordLength * 4 });
        for (long s = 1; s <= 10; s++)
        {
            writer.Append(CommandSamples.For(s), s);
        }

        Assert.True(writer.DurableSequence >= 4, $"durable {writer.DurableSequence}");
        Assert.True(writer.DurableSequence < 10);
    }

    [Fact]
    public void ShouldWriteOnceAndFdatasyncOncePerGroupCommit()
    {
        var storage = new FaultInjectingJournalStorage(_storage);
        using var writer = JournalWriter.Open(storage);
        writer.Append(CommandSamples.For(1), 1);
        writer.Flush();
        long before = storage.OperationCount;

        for (long s = 2; s <= 101; s++)
        {
            writer.Append(CommandSamples.For(s), s);
        }
        writer.Flush();

        Assert.Equal(2, storage.OperationCount - before);
        Assert.Equal(0, storage.PendingOperationCount);
    }

    [Fact]
    public void ShouldNeverFdatasyncInDurabilityModeNone()
    {
        var storage = new FaultInjectingJournalStorage(_storage);
        using var writer = JournalWriter.Open(storage, new JournalOptions { Durability = DurabilityMode.None });
        writer.Append(CommandSamples.For(1), 1);
        writer.Flush();
        long before = storage.OperationCount;

        for (long s = 2; s <= 101; s++)
        {
            writer.Append(CommandSamples.For(s), s);
        }
        writer.Flush();

        Assert.Equal(101, writer.DurableSequence);
        Assert.Equal(1, storage.OperationCount - before);
    }

    [Fact]
    public void ShouldLoseWhatModeNoneAcknowledgedWhenThePageCacheIsLost()
    {
        // Documents the promise of DurabilityMode.None: a process crash keeps the data, a power loss does not.
        var storage = new FaultInjectingJournalStorage(_storage);
        var writer = JournalWriter.Open(storage, new JournalOptions { Durability = DurabilityMode.None });
        for (long s = 1; s <= 10; s++)
        {
            writer.Append(CommandSamples.For(s), s);
        }
        writer.Flush();
        Assert.Equal(10, writer.DurableSequence);

        storage.Crash(seed: 1, losePageCache: true);

        Assert.Empty(JournalFiles.ReadAll(_storage));
    }

    [Fact]
    public void ShouldRefuseToAppendAfterAFailedFlush()
    {
        var storage = new FaultInjectingJournalStorage(_storage);
        using var writer = JournalWriter.Open(storage);
        writer.Append(CommandSamples.For(1), 1);
        storage.CrashAfter(storage.OperationCount + 1, seed: 3);

        Assert.Throws<IOException>(writer.Flush);
        Assert.Equal(0, writer.DurableSequence);
        Assert.Throws<InvalidOperationException>(() => writer.Append(CommandSamples.For(2), 2));
    }

    [Fact]
    public void ShouldAllocateNothingPerAppendAndFlushInSteadyState()
    {
        using var writer = JournalWriter.Open(_storage, new JournalOptions { SegmentBytes = 32L << 20 });
        var command = CommandSamples.For(1);
        long s = 1;

        long allocated = AllocationMeter.SteadyStateBytes(() =>
        {
            for (int i = 0; i < 10_000; i++, s++)
            {
                writer.Append(in command, s);
                if (s % 10 == 0)
                {
                    writer.Flush();
                }
            }
        });

        Assert.Equal(0L, allocated);
        Assert.Equal(s - 1, writer.DurableSequence);
    }

    [Fact]
    public void ShouldRejectSegmentsTooSmallForOneRecord() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            JournalWriter.Open(_storage, new JournalOptions { SegmentBytes = JournalFiles.SegmentFor(1) - 1 }));
}
