using Exchange.Server.Bench;

namespace Exchange.Server.Tests.Bench;

public class RetailWorkloadTests
{
    private static readonly GeneratedWorkload Workload = new RetailWorkload().Generate(warmupCommands: 20_000, measuredCommands: 60_000, seed: 3);

    [Fact]
    public void ShouldProduceAStreamTheEngineAcceptsCompletely()
    {
        var outcome = WorkloadReplay.Run(Workload);

        Assert.Equal(0, outcome.Rejected);
        Assert.True(outcome.Trades > 0);
    }

    [Fact]
    public void ShouldSendSeventyPercentLimitAndThirtyPercentMarketOrders()
    {
        var stats = Workload.MeasuredStatistics;
        double limit = stats.Count(CommandKind.Gtc);
        double market = stats.Count(CommandKind.Market);

        Assert.InRange(market / (limit + market), 0.27, 0.33);
        Assert.True(stats.Count(CommandKind.Cancel) > 0);
    }

    [Fact]
    public void ShouldKeepTheBookBoundedNearItsTarget()
    {
        var outcome = WorkloadReplay.Run(Workload);

        Assert.InRange(outcome.Engine.LiveOrderCount, 1_500, 2_500);
        Assert.Equal(0, outcome.RejectedUnknownOrder);
    }
}
