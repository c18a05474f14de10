using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Server.Bench;

namespace Exchange.Server.Tests.Bench;

public class DeepWorkloadTests
{
    // A scaled-down book: 20,000 pre-loaded orders over 2 × 1,000 levels.
    private static readonly GeneratedWorkload Workload =
        new DeepWorkload(preloadOrders: 20_000, levelsPerSide: 1_000).Generate(warmupCommands: 10_000, measuredCommands: 30_000, seed: 5);

    [Fact]
    public void ShouldPreloadTheBookDuringSetup()
    {
        // Instrument first, then the 20,000 pre-loaded GTC orders, then the flow's initial fill.
        Assert.True(Workload.WarmupStart > 1 + 20_000);
        Assert.All(Workload.Commands.Skip(1).Take(20_000), c =>
        {
            Assert.Equal(CommandType.NewOrder, c.Type);
            Assert.Equal(TimeInForce.Gtc, c.TimeInForce);
        });
    }

    [Fact]
    public void ShouldProduceAStreamTheEngineAcceptsCompletely()
    {
        var outcome = WorkloadReplay.Run(Workload);

        Assert.Equal(0, outcome.Rejected);
    }

    [Fact]
    public void ShouldKeepTheDeepBookWithTheStandardFlowOnTop()
    {
        var outcome = WorkloadReplay.Run(Workload);

        Assert.InRange(outcome.Engine.LiveOrderCount, 19_000, 22_000);
        Assert.True(outcome.Levels() >= 2_000, "pre-loaded levels plus the flow's own");
        Assert.InRange(Workload.MeasuredStatistics.Share(CommandKind.Replace), 0.75, 0.88);
    }
}
