using Exchange.Core.Domain;
using Exchange.Server.Bench;

namespace Exchange.Server.Tests.Bench;

public class MultiSymbolWorkloadTests
{
    private static readonly GeneratedWorkload Workload =
        new MultiSymbolWorkload(symbols: 20).Generate(warmupCommands: 20_000, measuredCommands: 40_000, seed: 11);

    [Fact]
    public void ShouldProduceAStreamTheEngineAcceptsCompletely()
    {
        var outcome = WorkloadReplay.Run(Workload);

        Assert.Equal(0, outcome.Rejected);
    }

    [Fact]
    public void ShouldSpreadOrdersOverEveryInstrument()
    {
        var outcome = WorkloadReplay.Run(Workload);
        var buffer = new Core.Matching.PriceLevelInfo[4_096];

        Assert.Equal(20, outcome.Engine.Instruments.Count);
        foreach (var instrument in outcome.Engine.Instruments)
        {
            Assert.True(outcome.Engine.GetDepth(instrument.Symbol, Side.Buy, buffer) > 0, $"{instrument.Symbol} has bids");
            Assert.True(outcome.Engine.GetDepth(instrument.Symbol, Side.Sell, buffer) > 0, $"{instrument.Symbol} has asks");
        }
        Assert.InRange(outcome.Engine.LiveOrderCount, 20 * 150, 20 * 250);
    }

    [Fact]
    public void ParetoSpreadGivesBusyInstrumentsBiggerBooksAndMoreCommands()
    {
        var workload = new MultiSymbolWorkload(symbols: 50, pareto: true).Generate(warmupCommands: 20_000, measuredCommands: 40_000, seed: 7);
        var weights = SymbolWeights.Pareto(50, new Random(7)); // the workload draws its weights first from the same seed
        int busiest = Enumerable.Range(0, 50).MaxBy(s => weights.Shares[s]);
        int quietest = Enumerable.Range(0, 50).MinBy(s => weights.Shares[s]);

        var outcome = WorkloadReplay.Run(workload);
        var buffer = new Core.Matching.PriceLevelInfo[4_096];

        Assert.Equal("multi-pareto", workload.Scenario);
        Assert.Equal(0, outcome.Rejected);
        Assert.Equal(50, outcome.Engine.Instruments.Count);
        int Depth(int s) => outcome.Engine.GetDepth(Symbol.Parse($"S{s:D4}"), Side.Buy, buffer);
        Assert.True(Depth(busiest) > Depth(quietest), $"busiest {Depth(busiest)} levels, quietest {Depth(quietest)}");
        Assert.InRange(outcome.Engine.LiveOrderCount, 50 * 100, 50 * 300);
    }
}
