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
}
