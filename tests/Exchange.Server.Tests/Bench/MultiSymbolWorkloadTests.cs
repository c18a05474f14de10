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
}
