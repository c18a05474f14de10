namespace Exchange.Sequencing.Tests;

public class BatchEventProcessorTests
{
    private struct Slot
    {
        public long Value { get; set; }
    }

    /// <summary>Completes work only at the end of a batch, like the journal's group commit, and fails on demand.</summary>
    private sealed class FailingHandler(long failAt) : IEventHandler<Slot>
    {
        public void OnEvent(ref Slot data, long sequence, bool endOfBatch)
        {
            if (sequence == failAt)
            {
                throw new IOException("disk gone");
            }
        }
    }

    [Fact]
    public void ShouldMarkNoSlotOfAFailedBatchAsDone()
    {
        var ring = new RingBuffer<Slot>(16, new BlockingWaitStrategy());
        var processor = new BatchEventProcessor<Slot, FailingHandler>(ring, ring.NewBarrier(), new FailingHandler(failAt: 6));
        ring.AddGatingSequences(processor.Sequence);
        for (int i = 0; i < 3; i++)
        {
            ring.Publish(ring.Next());
        }
        var thread = processor.Start("failing");
        SpinWait.SpinUntil(() => processor.Sequence.Value == 2, TimeSpan.FromSeconds(5));
        Assert.Equal(2, processor.Sequence.Value); // first batch done

        long high = ring.Sequencer.Next(5); // one batch: 3..7, failing at 6
        ring.Sequencer.Publish(high - 4, high);
        Assert.True(thread.Join(TimeSpan.FromSeconds(5)));
        Assert.IsType<IOException>(processor.Fault);
        Assert.Equal(2, processor.Sequence.Value); // 3, 4 and 5 were handled but their batch never completed
    }

    private sealed class NoOpHandler : IEventHandler<Slot>
    {
        public void OnEvent(ref Slot data, long sequence, bool endOfBatch)
        {
        }
    }

    [Fact]
    public void ShouldStopWhenHaltedBeforeItsThreadHasBegun()
    {
        // Regression: the thread used to re-arm itself when it first ran, undoing a Halt that came earlier, so a
        // pipeline stopped right after it started (serve getting SIGTERM at once) waited forever for it.
        for (int i = 0; i < 200; i++)
        {
            var ring = new RingBuffer<Slot>(16, new BlockingWaitStrategy());
            var processor = new BatchEventProcessor<Slot, NoOpHandler>(ring, ring.NewBarrier(), new NoOpHandler());
            var thread = processor.Start("halted-early");
            processor.Halt();
            Assert.True(thread.Join(TimeSpan.FromSeconds(5)), $"iteration {i}: the halted processor kept running");
            Assert.False(processor.IsRunning);
        }
    }

    /// <summary>Records, for every slot, the last sequence its batch was announced to reach.</summary>
    private sealed class BatchRecordingHandler : IEventHandler<Slot>, IBatchStartAware
    {
        private long _announced = -1;

        public List<(long Sequence, long Announced, bool EndOfBatch)> Seen { get; } = [];

        public void OnBatchStart(long lastAvailable) => _announced = lastAvailable;

        public void OnEvent(ref Slot data, long sequence, bool endOfBatch) => Seen.Add((sequence, _announced, endOfBatch));
    }

    [Fact]
    public void ShouldAnnounceEachBatchsLastSequenceBeforeItsFirstSlot()
    {
        var ring = new RingBuffer<Slot>(16, new BlockingWaitStrategy());
        var handler = new BatchRecordingHandler();
        var processor = new BatchEventProcessor<Slot, BatchRecordingHandler>(ring, ring.NewBarrier(), handler);
        ring.AddGatingSequences(processor.Sequence);
        long high = ring.Sequencer.Next(3); // one batch: 0..2
        ring.Sequencer.Publish(high - 2, high);
        var thread = processor.Start("batch-aware");
        Assert.True(SpinWait.SpinUntil(() => processor.Sequence.Value == 2, TimeSpan.FromSeconds(5)));
        high = ring.Sequencer.Next(4); // the next: 3..6
        ring.Sequencer.Publish(high - 3, high);
        Assert.True(SpinWait.SpinUntil(() => processor.Sequence.Value == 6, TimeSpan.FromSeconds(5)));
        processor.Halt();
        Assert.True(thread.Join(TimeSpan.FromSeconds(5)));

        Assert.Equal(
            [(0, 2, false), (1, 2, false), (2, 2, true), (3, 6, false), (4, 6, false), (5, 6, false), (6, 6, true)],
            handler.Seen);
    }
}
