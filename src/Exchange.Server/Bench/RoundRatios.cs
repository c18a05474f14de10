namespace Exchange.Server.Bench;

/// <summary>Each scenario's throughput as a fraction of `standard`'s measured in the same round of an interleaved
/// `exchange bench --rounds N` run, and the median over the rounds. Why: on a shared VM throughput drifts by tens of
/// percent from one minute to the next, so a ratio taken from two runs minutes apart says more about the machine
/// than about the engine; scenarios measured back to back, round after round, share its phases.</summary>
internal sealed record RoundRatios(string Scenario, IReadOnlyList<double> PerRound)
{
    public const string Reference = "standard";

    /// <summary>The middle of <see cref="PerRound"/>.</summary>
    public double Median => MedianOf(PerRound);

    /// <summary>One entry per scenario other than the reference, in run order; empty if a round lacks the reference.</summary>
    public static IReadOnlyList<RoundRatios> Compute(IReadOnlyList<IReadOnlyList<ScenarioResult>> rounds)
    {
        if (rounds.Count == 0 || rounds.Any(round => !round.Any(r => r.Scenario == Reference)))
        {
            return [];
        }
        var ratios = new List<RoundRatios>();
        foreach (string scenario in rounds[0].Select(r => r.Scenario).Where(s => s != Reference))
        {
            var perRound = rounds
                .Select(round => round.First(r => r.Scenario == scenario).CommandsPerSec / round.First(r => r.Scenario == Reference).CommandsPerSec)
                .ToArray();
            ratios.Add(new RoundRatios(scenario, perRound));
        }
        return ratios;
    }

    /// <summary>The middle value; the mean of the two middle values for an even count.</summary>
    public static double MedianOf(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("No values.", nameof(values));
        }
        var sorted = values.Order().ToArray();
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
