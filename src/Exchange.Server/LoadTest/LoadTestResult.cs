namespace Exchange.Server.LoadTest;

/// <summary>The figures of one `exchange loadtest` run (the --json output). Latencies in microseconds, round
/// trip from the order's intended send time (open loop) or actual send time (closed loop) to its first answer
/// (accepted or rejected), which the exchange sends only once the order is durable.</summary>
internal sealed record LoadTestResult
{
    public required string Protocol { get; init; }
    public required string Mode { get; init; }
    public double TargetRate { get; init; }
    public int Window { get; init; }
    public required int Connections { get; init; }
    public required int Seed { get; init; }
    public required double DurationSeconds { get; init; }

    /// <summary>Seconds sent before <see cref="DurationSeconds"/>: counted in the orders and rates, not in the latencies.</summary>
    public double WarmupSeconds { get; init; }
    public required double ElapsedSeconds { get; init; }
    public required long Sent { get; init; }
    public required long Acknowledged { get; init; }
    public required long Accepted { get; init; }
    public required long Rejected { get; init; }
    public required long Unacknowledged { get; init; }
    public required double SentPerSecond { get; init; }
    public required double AcknowledgedPerSecond { get; init; }

    /// <summary>Accepted orders per second: acknowledged minus rejected (a Busy reject is acknowledged fast but
    /// entered nothing).</summary>
    public required double AcceptedPerSecond { get; init; }
    public required double P50Micros { get; init; }
    public required double P90Micros { get; init; }
    public required double P99Micros { get; init; }
    public required double P999Micros { get; init; }
    public required double P9999Micros { get; init; }
    public required double MaxMicros { get; init; }
    public required double MeanMicros { get; init; }

    /// <summary>Round trips in the percentiles (acknowledgements recorded after the warm-up).</summary>
    public long LatencySamples { get; init; }
    public required IReadOnlyDictionary<string, long> RejectsByReason { get; init; }
    public required IReadOnlyList<string> Errors { get; init; }
}
