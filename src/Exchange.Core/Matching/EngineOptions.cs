namespace Exchange.Core.Matching;

/// <summary>Pre-allocation sizes. Pools grow (doubling) only when full, so a steady workload that stays
/// within these sizes never allocates.</summary>
public sealed record EngineOptions
{
    /// <summary>Live orders (resting and untriggered stops) across all instruments.</summary>
    public int OrderCapacity { get; init; } = 1 << 16;

    /// <summary>Price levels (book and stop levels) across all instruments.</summary>
    public int LevelCapacity { get; init; } = 1 << 14;

    /// <summary>Events one command may produce before the event buffer grows (mass cancels can produce more).</summary>
    public int EventCapacity { get; init; } = 1 << 12;

    /// <summary>Ask the OS for 2 MB pages for the order and level pools (Linux transparent huge pages in
    /// <c>madvise</c> mode; a hint, ignored elsewhere). With hundreds of thousands of orders it makes random reads of
    /// them faster (fewer TLB misses: `multi` +6–25%), but the first touch of each 2 MB page may wait for the kernel to
    /// compact memory — a restart filling the pools from a snapshot took up to ~1 s instead of ~0.7 s at times. Off by
    /// default (the server); the engine benchmark turns it on.</summary>
    public bool HugePages { get; init; }
}
