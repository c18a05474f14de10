using System.Diagnostics;
using Exchange.Journal.Storage;
using HdrHistogram;

namespace Exchange.Server.Bench.Durable;

/// <summary>Journal storage that times every <see cref="IJournalSegment.FlushToDisk"/> of the segments it opens:
/// the distribution of the journal writer's own fdatasync calls during a pipeline run (the write before each is
/// not included). Recording allocates nothing; read <see cref="Flushes"/> only once the journal thread has stopped.</summary>
internal sealed class TimedJournalStorage(IJournalStorage inner) : IJournalStorage
{
    private const int MaxTimestamps = 1 << 20;

    public LongHistogram Flushes { get; } = DurableFigures.NewHistogram();

    /// <summary>Start and end (Stopwatch ticks) of each flush since the last <see cref="Reset"/>, in order; the first
    /// <see cref="FlushCount"/> are valid (at most 2^20 kept).</summary>
    public long[] FlushStarts { get; } = new long[MaxTimestamps];

    public long[] FlushEnds { get; } = new long[MaxTimestamps];

    public int FlushCount { get; private set; }

    /// <summary>Forgets the flushes so far (call while the journal thread is idle).</summary>
    public void Reset()
    {
        Flushes.Reset();
        FlushCount = 0;
        Creates = 0;
        LongestCreate = 0;
    }

    private void Record(long start, long end)
    {
        DurableFigures.RecordInterval(Flushes, start, end);
        if (FlushCount < MaxTimestamps)
        {
            FlushStarts[FlushCount] = start;
            FlushEnds[FlushCount] = end;
            FlushCount++;
        }
    }

    public IReadOnlyList<string> ListSegments() => inner.ListSegments();

    /// <summary>Segments created (rolls) since the last <see cref="Reset"/>, and the longest creation (Stopwatch ticks).</summary>
    public int Creates { get; private set; }

    public long LongestCreate { get; private set; }

    public IJournalSegment Create(string name, long length)
    {
        long before = Stopwatch.GetTimestamp();
        var segment = inner.Create(name, length);
        Creates++;
        LongestCreate = Math.Max(LongestCreate, Stopwatch.GetTimestamp() - before);
        return new TimedSegment(segment, this);
    }

    public IJournalSegment Open(string name) => new TimedSegment(inner.Open(name), this);

    public void Delete(string name) => inner.Delete(name);

    public void Dispose() => inner.Dispose();

    private sealed class TimedSegment(IJournalSegment segment, TimedJournalStorage owner) : IJournalSegment
    {
        public string Name => segment.Name;

        public long Length => segment.Length;

        public void Write(long offset, ReadOnlySpan<byte> data) => segment.Write(offset, data);

        public int Read(long offset, Span<byte> destination) => segment.Read(offset, destination);

        public void FlushToDisk()
        {
            long before = Stopwatch.GetTimestamp();
            segment.FlushToDisk();
            owner.Record(before, Stopwatch.GetTimestamp());
        }

        public void SetLength(long length) => segment.SetLength(length);

        public void Dispose() => segment.Dispose();
    }
}
