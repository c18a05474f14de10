namespace Exchange.Server.LoadTest;

/// <summary>What `exchange loadtest` does: see docs/loadtest.md.</summary>
internal sealed record LoadTestOptions
{
    /// <summary>binary or fix.</summary>
    public string Protocol { get; init; } = "binary";

    public string Host { get; init; } = "127.0.0.1";

    /// <summary>0 = the protocol's default port (binary 9001, FIX 9878).</summary>
    public int Port { get; init; }

    /// <summary>Open loop: orders per second over all connections. Ignored with <see cref="Max"/>.</summary>
    public double Rate { get; init; } = 10_000;

    /// <summary>Closed loop: each connection keeps <see cref="Window"/> orders outstanding, as fast as acks come back.</summary>
    public bool Max { get; init; }

    public int Window { get; init; } = 256;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Sending (at the same rate or window) before <see cref="Duration"/>, whose latencies are left out of the
    /// percentiles: the exchange's code is still being compiled to its final tier then (tiered JIT), as a venue's
    /// would be before its open.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.Zero;

    /// <summary>How long to wait for outstanding acknowledgements after the last order.</summary>
    public TimeSpan Drain { get; init; } = TimeSpan.FromSeconds(10);

    public int Connections { get; init; } = 4;

    /// <summary>Login names and passwords, used round-robin by the connections.</summary>
    public IReadOnlyList<(string User, string Password)> Accounts { get; init; } = [("TRADER1", "demo"), ("TRADER2", "demo")];

    /// <summary>FIX: the exchange's CompID (TargetCompID of our messages).</summary>
    public string FixTargetCompId { get; init; } = "EXCHANGE";

    public int Seed { get; init; } = 1;

    public string Symbol { get; init; } = "AAPL";

    public string Mid { get; init; } = "190.00";

    public string TickSize { get; init; } = "0.01";

    /// <summary>Limit prices are the mid ± up to this many ticks.</summary>
    public int SpreadTicks { get; init; } = 10;

    /// <summary>Share of limit orders in percent; the rest are market (IOC).</summary>
    public int LimitPercent { get; init; } = 70;

    public int MaxQuantity { get; init; } = 100;

    /// <summary>Print a JSON object on stdout instead of the table.</summary>
    public bool Json { get; init; }

    /// <summary>Live progress lines (stderr), one per second.</summary>
    public bool Progress { get; init; } = true;

    public int EffectivePort => Port != 0 ? Port : Protocol == "fix" ? 9878 : 9001;
}
