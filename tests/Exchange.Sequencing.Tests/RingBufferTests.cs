namespace Exchange.Sequencing.Tests;

public class RingBufferTests
{
    private struct Slot
    {
        public int Producer;
        public long Value;
    }

    /// <summary>Records what a consumer saw, in order.</summary>
    private sealed class RecordingHandler(int capacity) : IEventHandler<Slot>
    {
        public readonly (int Producer, long Value)[] Seen = new (int, long)[capacity];
        public int Count;
        public int Batches;

        public void OnEvent(ref Slot data, long sequence, bool endOfBatch)
        {
            Seen[Count++] = (data.Producer, data.Value);
            if (endOfBatch)
            {
                Batches++;
            }
        }
    }

    [Theory]
    [InlineData(WaitStrategyKind.Blocking)]
    [InlineData(WaitStrategyKind.Yielding)]
    [InlineData(WaitStrategyKind.BusySpin)]
    public void ShouldDeliverEveryItemOnceInOneTotalOrderToEveryConsumer(WaitStrategyKind kind)
    {
        const int producers = 4;
        const int perProducer = 100_000;
        var ring = new RingBuffer<Slot>(1024, WaitStrategies.Create(kind));
        var first = new RecordingHandler(producers * perProducer);
        var second = new RecordingHandler(producers * perProducer);
        var firstProcessor = new BatchEventProcessor<Slot, RecordingHandler>(ring, ring.NewBarrier(), first);
        // The second consumer runs behind the first, like a responder behind the engine.
        var secondProcessor = new BatchEventProcessor<Slot, RecordingHandler>(ring, ring.NewBarrier(firstProcessor.Sequence), second);
        ring.AddGatingSequences(secondProcessor.Sequence);
        var threads = new[] { firstProcessor.Start("first"), secondProcessor.Start("second") };

        var producerThreads = Enumerable.Range(0, producers).Select(p => new Thread(() =>
        {
            for (long i = 0; i < perProducer; i++)
            {
                long s = ring.Next();
                ref var slot = ref ring[s];
                slot.Producer = p;
                slot.Value = i;
                ring.Publish(s);
            }
        })).ToArray();
        foreach (var t in producerThreads)
        {
            t.Start();
        }
        foreach (var t in producerThreads)
        {
            Assert.True(t.Join(TimeSpan.FromSeconds(60)));
        }
        long last = producers * (long)perProducer - 1;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (secondProcessor.Sequence.Value < last && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(1);
        }
        firstProcessor.Halt();
        secondProcessor.Halt();
        foreach (var t in threads)
        {
            Assert.True(t.Join(TimeSpan.FromSeconds(10)));
        }

        Assert.Equal(producers * perProducer, first.Count);
        Assert.Equal(first.Seen, second.Seen); // one total order, the same for every consumer
        var next = new long[producers];
        foreach (var (producer, value) in first.Seen)
        {
            Assert.Equal(next[producer]++, value); // each producer's items once, in its order
        }
        Assert.All(next, n => Assert.Equal(perProducer, n));
    }

    [Fact]
    public void ShouldRefuseAClaimWhenTheSlowestConsumerIsAFullRingBehind()
    {
        var ring = new RingBuffer<Slot>(8, new BlockingWaitStrategy());
        var consumer = new Sequence();
        ring.AddGatingSequences(consumer);
        for (int i = 0; i < 8; i++)
        {
            Assert.True(ring.TryNext(out long s));
            ring.Publish(s);
        }
        Assert.False(ring.TryNext(out _));
        Assert.Equal(8, ring.Sequencer.Backlog);
        consumer.SetValue(0); // the consumer finished slot 0
        Assert.True(ring.TryNext(out long again));
        Assert.Equal(8, again);
        Assert.False(ring.TryNext(out _));
    }

    [Fact]
    public void ShouldSeeOnlyContiguouslyPublishedSequences()
    {
        var ring = new RingBuffer<Slot>(8, new YieldingWaitStrategy());
        var barrier = ring.NewBarrier();
        long a = ring.Next();
        long b = ring.Next();
        ring.Publish(b); // published out of order: b is not visible before a
        Assert.Equal(a - 1, ring.Sequencer.GetHighestPublished(a, b));
        ring.Publish(a);
        Assert.Equal(b, barrier.WaitFor(a));
    }

    [Fact]
    public void ShouldRejectASizeThatIsNotAPowerOfTwo() =>
        Assert.Throws<ArgumentException>(() => new RingBuffer<Slot>(1000, new BlockingWaitStrategy()));

    [Theory]
    [InlineData(WaitStrategyKind.Blocking)]
    [InlineData(WaitStrategyKind.Yielding)]
    [InlineData(WaitStrategyKind.BusySpin)]
    public void ShouldStopAWaitingConsumerWhenHalted(WaitStrategyKind kind)
    {
        var ring = new RingBuffer<Slot>(8, WaitStrategies.Create(kind));
        var processor = new BatchEventProcessor<Slot, RecordingHandler>(ring, ring.NewBarrier(), new RecordingHandler(8));
        var thread = processor.Start("idle");
        Thread.Sleep(20);
        processor.Halt();
        Assert.True(thread.Join(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void ShouldLetAPollingConsumerCatchUpInBatchesWithoutBeingWoken()
    {
        var ring = new RingBuffer<Slot>(64, new BlockingWaitStrategy());
        var handler = new RecordingHandler(1_000);
        var processor = new BatchEventProcessor<Slot, RecordingHandler>(ring, ring.NewBarrier(new SleepingWaitStrategy()), handler);
        ring.AddGatingSequences(processor.Sequence);
        var thread = processor.Start("polling");
        for (int i = 0; i < 1_000; i++)
        {
            long s = ring.Next();
            ring[s].Value = i;
            ring.Publish(s);
        }
        Assert.True(SpinWait.SpinUntil(() => processor.Sequence.Value == 999, TimeSpan.FromSeconds(10)));
        processor.Halt();
        Assert.True(thread.Join(TimeSpan.FromSeconds(5)));
        Assert.Equal(Enumerable.Range(0, 1_000).Select(i => (long)i), handler.Seen.Select(x => x.Value));
        Assert.True(handler.Batches < 1_000);
    }

    [Fact]
    public void ShouldGatherABurstPublishedOneByOneIntoOneBatchWhenLingering()
    {
        var ring = new RingBuffer<Slot>(1024, new BlockingWaitStrategy());
        var handler = new RecordingHandler(500);
        var processor = new BatchEventProcessor<Slot, RecordingHandler>(ring,
            ring.NewBarrier(new LingeringWaitStrategy(ring.Sequencer.WaitStrategy, quietMicroseconds: 2_000, maxMicroseconds: 1_000_000)), handler);
        ring.AddGatingSequences(processor.Sequence);
        var thread = processor.Start("lingering");
        for (int i = 0; i < 500; i++)
        {
            long s = ring.Next();
            ring[s].Value = i;
            ring.Publish(s); // one at a time, well within the 2 ms quiet window
        }
        Assert.True(SpinWait.SpinUntil(() => processor.Sequence.Value == 499, TimeSpan.FromSeconds(10)));
        processor.Halt();
        Assert.True(thread.Join(TimeSpan.FromSeconds(5)));
        Assert.Equal(Enumerable.Range(0, 500).Select(i => (long)i), handler.Seen.Select(x => x.Value));
        Assert.True(handler.Batches <= 3, $"{handler.Batches} batches");
    }
}
