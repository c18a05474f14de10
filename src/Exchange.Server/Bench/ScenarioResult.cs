namespace Exchange.Server.Bench;

/// <summary>Figures of one scenario run. Latencies are of the <c>Process</c> call alone, in nanoseconds.</summary>
internal sealed record ScenarioResult
{
    public required string Scenario { get; init; }
    /// <summary>Engines (one thread each) the instruments were spread over; 1 = one engine on one thread.</summary>
    public int Shards { get; init; } = 1;
    public required int Seed { get; init; }
    public required int SetupCommands { get; init; }
    public required int WarmupCommands { get; init; }
    /// <summary>Measured commands (each run).</summary>
    public required int Commands { get; init; }

    // Throughput run: no per-command timing.
    public required double CommandsPerSec { get; init; }
    public required double AllocatedBytesPerCommand { get; init; }
    public required int Gen0 { get; init; }
    public required int Gen1 { get; init; }
    public required int Gen2 { get; init; }

    // Latency run: a timestamp before and after every Process call.
    public required long P50Ns { get; init; }
    public required long P99Ns { get; init; }
    public required long P999Ns { get; init; }
    public required long P9999Ns { get; init; }
    public required long MaxNs { get; init; }
    public required double MeanNs { get; init; }
    /// <summary>Median cost of two back-to-back timestamp reads: included in every latency sample.</summary>
    public required long TimerOverheadNs { get; init; }
    public required double LatencyRunAllocatedBytesPerCommand { get; init; }
    public required int LatencyRunGen0 { get; init; }
    public required int LatencyRunGen1 { get; init; }
    public required int LatencyRunGen2 { get; init; }

    // What the measured commands were and did.
    public required long Events { get; init; }
    public required long Trades { get; init; }
    public required long Rejected { get; init; }
    public required double ShareGtc { get; init; }
    public required double ShareIoc { get; init; }
    public required double ShareMarket { get; init; }
    public required double ShareCancel { get; init; }
    public required double ShareReplace { get; init; }
    public required int RestingOrdersAtEnd { get; init; }
    public required int LevelsAtEnd { get; init; }
}
