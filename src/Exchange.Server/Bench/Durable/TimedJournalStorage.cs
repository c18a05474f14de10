using System.Diagnostics;
using Exchange.Journal.Storage;
using HdrHistogram;

namespace Exchange.Server.Bench.Durable;

/// <summary>Journal storage that times every <see cref="IJournalSegment.FlushToDisk"/> of the segments it opens:
/// the distribution of the journal writer's own fdatasync calls during a pipeline run (the write before each is
/// not included). Recording allocates nothing; read <see cref="Flushes"/> only once the journal thread has stopped.</summary>
internal sealed class TimedJournalStorage(IJournalStorage inner) : IJournalStorage
{
    public LongHistogram Flushes { get; } = DurableFigures.NewHistogram();

    public IReadOnlyList<string> ListSegments() => inner.ListSegments();

    public IJournalSegment Create(string name, long length) => new TimedSegment(inner.Create(name, length), Flushes);

    public IJournalSegment Open(string name) => new TimedSegment(inner.Open(name), Flushes);

    public void Delete(string name) => inner.Delete(name);

    public void Dispose() => inner.Dispose();

    private sealed class TimedSegment(IJournalSegment segment, LongHistogram flushes) : IJournalSegment
    {
        public string Name => segment.Name;

        public long Length => segment.Length;

        public void Write(long offset, ReadOnlySpan<byte> data) => segment.Write(offset, data);

        public int Read(long offset, Span<byte> destination) => segment.Read(offset, destination);

        public void FlushToDisk()
        {
            long before = Stopwatch.GetTimestamp();
            segment.FlushToDisk();
            flushes.RecordValue(Math.Max(1, (long)Stopwatch.GetElapsedTime(before).TotalNanoseconds));
        }

        public void SetLength(long length) => segment.SetLength(length);

        public void Dispose() => segment.Dispose();
    }
}
