using System.Diagnostics;
using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Matching;
using Exchange.Journal;
using Exchange.Journal.Storage;
using Exchange.Server.Pipeline;

namespace Exchange.Server.Tests.Pipeline;

/// <summary>With a journal the responder releases nothing before the fdatasync returned, everything after it, and the
/// pipeline stops promptly while the responder waits for durability.</summary>
public sealed class DurableReleaseTests
{
    /// <summary>Memory segments whose FlushToDisk (the fdatasync) waits until <see cref="Release"/> is set.</summary>
    private sealed class HeldFlushStorage : IJournalStorage
    {
        private readonly MemoryJournalStorage _inner = new();

        public ManualResetEventSlim Release { get; } = new(initialState: true);

        public IReadOnlyList<string> ListSegments() => _inner.ListSegments();

        public IJournalSegment Create(string name, long length) => new Segment(_inner.Create(name, length), Release);

        public IJournalSegment Open(string name) => new Segment(_inner.Open(name), Release);

        public void Delete(string name) => _inner.Delete(name);

        public void Dispose() => _inner.Dispose();

        private sealed class Segment(IJournalSegment inner, ManualResetEventSlim release) : IJournalSegment
        {
            public string Name => inner.Name;

            public long Length => inner.Length;

            public void Write(long offset, ReadOnlySpan<byte> data) => inner.Write(offset, data);

            public int Read(long offset, Span<byte> destination) => inner.Read(offset, destination);

            public void FlushToDisk()
            {
                release.Wait();
                inner.FlushToDisk();
            }

            public void SetLength(long length) => inner.SetLength(length);

            public void Dispose() => inner.Dispose();
        }
    }

    private sealed class Counter : IEventListener
    {
        private int _released;

        public int Released => Volatile.Read(ref _released);

        public void OnEvent(in OutboundSlot slot) => Interlocked.Increment(ref _released);
    }

    private static readonly Command AddInstrument = new()
    {
        Type = CommandType.AddInstrument, Symbol = Symbol.Parse("AAPL"), TickSize = Price.Parse("0.01"), LotSize = 1, MinQuantity = 1,
        MaxQuantity = 1_000,
    };

    [Fact]
    public void ShouldReleaseEachCommandOnlyOnceItsFlushReturned()
    {
        using var storage = new HeldFlushStorage();
        using var journal = JournalWriter.Open(storage, new JournalOptions { SegmentBytes = 1 << 20 });
        var counter = new Counter();
        using var pipeline = new ExchangePipeline(new MatchingEngine(), [counter], persistence: new PipelinePersistence(journal));
        pipeline.Start();

        for (int round = 1; round <= 3; round++)
        {
            storage.Release.Reset();
            Assert.True(pipeline.TrySubmit(in AddInstrument, 1, round, out _));
            Thread.Sleep(100); // the engine has long published the event; the responder must hold it
            Assert.Equal(round - 1, counter.Released);

            storage.Release.Set();
            var watch = Stopwatch.StartNew();
            while (counter.Released < round && watch.Elapsed < TimeSpan.FromSeconds(5))
            {
                Thread.Sleep(1);
            }
            Assert.Equal(round, counter.Released);
        }
    }

    [Fact]
    public void ShouldStopPromptlyWhileTheResponderWaitsForDurability()
    {
        using var storage = new HeldFlushStorage();
        using var journal = JournalWriter.Open(storage, new JournalOptions { SegmentBytes = 1 << 20 });
        var pipeline = new ExchangePipeline(new MatchingEngine(), [new Counter()], persistence: new PipelinePersistence(journal));
        pipeline.Start();
        Assert.True(pipeline.TrySubmit(in AddInstrument, 1, 1, out _));
        Thread.Sleep(50);

        var watch = Stopwatch.StartNew();
        pipeline.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"Stop took {watch.Elapsed}");
    }
}
