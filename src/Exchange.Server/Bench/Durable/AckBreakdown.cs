using System.Diagnostics;
using System.Globalization;

namespace Exchange.Server.Bench.Durable;

/// <summary>Where a command's acknowledgement latency goes, split at the fdatasync that made it durable: before it
/// (waiting for a flush in progress, the journal's wake-up and linger, the write), the fdatasync itself, and after it
/// (the responder's wake-up and the release). Approximate: the covering flush is taken to be the first one that
/// started after the command was sent.</summary>
internal static class AckBreakdown
{
    public static string Describe(long[] submitted, long[] acked, int from, int to, TimedJournalStorage flushes)
    {
        int count = flushes.FlushCount;
        var before = DurableFigures.NewHistogram();
        var during = DurableFigures.NewHistogram();
        var after = DurableFigures.NewHistogram();
        for (int i = from; i < to; i++)
        {
            int f = Array.BinarySearch(flushes.FlushStarts, 0, count, submitted[i]);
            f = f < 0 ? ~f : f;
            if (f >= count || flushes.FlushEnds[f] > acked[i])
            {
                continue; // not attributable (timestamps full, or acknowledged before that flush ended: mismatched)
            }
            DurableFigures.RecordInterval(before, submitted[i], flushes.FlushStarts[f]);
            DurableFigures.RecordInterval(during, flushes.FlushStarts[f], flushes.FlushEnds[f]);
            DurableFigures.RecordInterval(after, flushes.FlushEnds[f], acked[i]);
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"per command, p50 / p99 / p99.9 µs ({before.TotalCount:N0} attributed): before its fdatasync {Format(before)}; its fdatasync {Format(during)}; after it to the ack {Format(after)}; segments created {flushes.Creates}, longest {Stopwatch.GetElapsedTime(0, flushes.LongestCreate).TotalMilliseconds:F1} ms");
    }

    private static string Format(HdrHistogram.LongHistogram h) => h.TotalCount == 0 ? "-" : string.Create(CultureInfo.InvariantCulture,
        $"{h.GetValueAtPercentile(50) / 1000.0:F0} / {h.GetValueAtPercentile(99) / 1000.0:F0} / {h.GetValueAtPercentile(99.9) / 1000.0:F0}");
}
