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
}
