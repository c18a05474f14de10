using Exchange.Server.Bench;

namespace Exchange.Server.Tests.Bench;

public class RoundRatiosTests
{
    private static readonly ScenarioResult Template =
        ScenarioMeasurement.Measure(new StandardWorkload().Generate(warmupCommands: 1_000, measuredCommands: 2_000, seed: 1));

    private static ScenarioResult Result(string scenario, double commandsPerSec) =>
        Template with { Scenario = scenario, CommandsPerSec = commandsPerSec };

    [Fact]
    public void ShouldDivideEachScenarioByStandardOfTheSameRound()
    {
        IReadOnlyList<ScenarioResult>[] rounds =
        [
            [Result("standard", 10e6), Result("deep", 6e6), Result("multi", 4e6)],
            [Result("standard", 8e6), Result("deep", 4e6), Result("multi", 4e6)],
            [Result("standard", 5e6), Result("deep", 4e6), Result("multi", 2e6)],
        ];

        var ratios = RoundRatios.Compute(rounds);

        Assert.Equal(["deep", "multi"], ratios.Select(r => r.Scenario));
        Assert.Equal([0.6, 0.5, 0.8], ratios[0].PerRound);
        Assert.Equal(0.6, ratios[0].Median, 12);
        Assert.Equal([0.4, 0.5, 0.4], ratios[1].PerRound);
        Assert.Equal(0.4, ratios[1].Median, 12);
    }

    [Fact]
    public void ShouldTakeTheMeanOfTheMiddleTwoForAnEvenCount()
    {
        Assert.Equal(0.45, RoundRatios.MedianOf([0.5, 0.4, 0.6, 0.3]), 12);
        Assert.Equal(0.7, RoundRatios.MedianOf([0.7]), 12);
        Assert.Throws<ArgumentException>(() => RoundRatios.MedianOf([]));
    }

    [Fact]
    public void ShouldGiveNoRatiosWithoutStandardInEveryRound()
    {
        IReadOnlyList<ScenarioResult>[] rounds =
        [
            [Result("standard", 10e6), Result("deep", 6e6)],
            [Result("deep", 6e6)],
        ];

        Assert.Empty(RoundRatios.Compute(rounds));
        Assert.Empty(RoundRatios.Compute([]));
    }
}
