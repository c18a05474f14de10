using HdrHistogram;

namespace Exchange.Server.Bench.Durable;

/// <summary>One line of `exchange bench-durable` output: a rate and a latency distribution (nanoseconds).</summary>
internal sealed record DurableFigures(string Name, long Count, double PerSecond, double MegabytesPerSecond, long P50Ns, long P99Ns, long P999Ns, long MaxNs, string Note)
{
    public static DurableFigures From(string name, long count, double seconds, double megabytes, LongHistogram latencyNs, string note) => new(
        name, count, count / seconds, megabytes / seconds,
        latencyNs.TotalCount == 0 ? 0 : latencyNs.GetValueAtPercentile(50),
        latencyNs.TotalCount == 0 ? 0 : latencyNs.GetValueAtPercentile(99),
        latencyNs.TotalCount == 0 ? 0 : latencyNs.GetValueAtPercentile(99.9),
        latencyNs.TotalCount == 0 ? 0 : latencyNs.GetMaxValue(),
        note);

    public static LongHistogram NewHistogram() => new(1, 60_000_000_000L, 3);

    /// <summary>Records the time between two <see cref="System.Diagnostics.Stopwatch"/> timestamps, in nanoseconds
    /// (at least 1: the histogram's lowest value).</summary>
    public static void RecordInterval(LongHistogram latencyNs, long startTicks, long endTicks) =>
        latencyNs.RecordValue(Math.Max(1, (long)((endTicks - startTicks) * 1e9 / System.Diagnostics.Stopwatch.Frequency)));
}
