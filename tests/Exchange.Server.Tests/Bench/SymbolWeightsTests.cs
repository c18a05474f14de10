using Exchange.Server.Bench;

namespace Exchange.Server.Tests.Bench;

public class SymbolWeightsTests
{
    [Fact]
    public void ParetoSharesAddUpToOneAndAreSkewed()
    {
        var weights = SymbolWeights.Pareto(1_000, new Random(1));

        Assert.Equal(1.0, weights.Shares.Sum(), precision: 9);
        Assert.All(weights.Shares, share => Assert.True(share > 0));
        // Pareto with shape 1.5: the busiest tenth of the instruments carries far more than a tenth of the flow.
        double topTenth = weights.Shares.OrderByDescending(x => x).Take(100).Sum();
        Assert.InRange(topTenth, 0.3, 0.9);
    }

    [Fact]
    public void PicksEachInstrumentAsOftenAsItsShare()
    {
        var weights = SymbolWeights.Pareto(20, new Random(3));
        var random = new Random(5);
        var counts = new int[20];
        const int Draws = 400_000;
        for (int i = 0; i < Draws; i++)
        {
            counts[weights.Pick(random)]++;
        }

        for (int s = 0; s < 20; s++)
        {
            Assert.InRange(counts[s] / (double)Draws, weights.Shares[s] - 0.005, weights.Shares[s] + 0.005);
        }
    }

    [Fact]
    public void UniformGivesEveryInstrumentTheSameShare()
    {
        var weights = SymbolWeights.Uniform(8);

        Assert.All(weights.Shares, share => Assert.Equal(0.125, share, precision: 12));
    }
}
