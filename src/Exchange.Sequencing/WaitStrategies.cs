namespace Exchange.Sequencing;

/// <summary>Creates wait strategies from configuration.</summary>
public static class WaitStrategies
{
    public static IWaitStrategy Create(WaitStrategyKind kind) => kind switch
    {
        WaitStrategyKind.BusySpin => new BusySpinWaitStrategy(),
        WaitStrategyKind.Yielding => new YieldingWaitStrategy(),
        _ => new BlockingWaitStrategy(),
    };

    /// <summary>The highest sequence available to a consumer: the slowest dependent, or the cursor.</summary>
    internal static long Available(Sequence cursor, Sequence[] dependents)
    {
        if (dependents.Length == 0)
        {
            return cursor.Value;
        }
        long minimum = long.MaxValue;
        foreach (var s in dependents)
        {
            minimum = Math.Min(minimum, s.Value);
        }
        return minimum;
    }
}
