using HdrHistogram;

namespace Exchange.Server.Bench;

/// <summary>Raw figures of one measured loop; only the latency run has a histogram and a maximum.</summary>
internal sealed record RunFigures(
    long Events,
    double Seconds,
    long AllocatedBytes,
    int Gen0,
    int Gen1,
    int Gen2,
    LongHistogram? Histogram,
    long MaxTicks);
