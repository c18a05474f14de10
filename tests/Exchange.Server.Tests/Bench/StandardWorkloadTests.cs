using Exchange.Server.Bench;

namespace Exchange.Server.Tests.Bench;

public class StandardWorkloadTests
{
    private static readonly GeneratedWorkload Workload = new StandardWorkload().Generate(warmupCommands: 20_000, measuredCommands: 60_000, seed: 7);

    [Fact]
    public void ShouldProduceAStreamTheEngineAcceptsCompletely()
    {
        var outcome = WorkloadReplay.Run(Workload);

        Assert.Equal(0, outcome.Rejected);
        Assert.True(outcome.Trades > 0);
    }

    [Fact]
    public void ShouldTargetOnlyLiveOrdersWithCancelsAndReplaces()
    {
        Assert.Equal(0, Workload.MeasuredStatistics.RejectedUnknownOrder);
        Assert.Equal(0, WorkloadReplay.Run(Workload).RejectedUnknownOrder);
    }

    [Fact]
    public void ShouldKeepAboutAThousandOrdersOverAboutSevenHundredFiftyLevels()
    {
        var outcome = WorkloadReplay.Run(Workload);

        Assert.InRange(outcome.Engine.LiveOrderCount, 900, 1_100);
        Assert.InRange(outcome.Levels(), 550, 950);
    }

    [Fact]
    public void ShouldFollowTheExchangeCoreMix()
    {
        var stats = Workload.MeasuredStatistics;

        Assert.Equal(60_000, stats.Commands);
        Assert.InRange(stats.Share(CommandKind.Gtc), 0.06, 0.12);
        Assert.InRange(stats.Share(CommandKind.Ioc), 0.015, 0.045);
        Assert.InRange(stats.Share(CommandKind.Cancel), 0.04, 0.08);
        Assert.InRange(stats.Share(CommandKind.Replace), 0.77, 0.87);
    }

    [Fact]
    public void ShouldMarkSetupWarmupAndMeasuredPhases()
    {
        Assert.Equal(60_000, Workload.MeasuredCount);
        Assert.Equal(20_000, Workload.WarmupCount);
        Assert.True(Workload.WarmupStart > 1_000, "the initial fill places the target book before warmup");
    }

    [Fact]
    public void ShouldGenerateTheSameStreamForTheSameSeed()
    {
        var again = new StandardWorkload().Generate(warmupCommands: 20_000, measuredCommands: 60_000, seed: 7);
        var other = new StandardWorkload().Generate(warmupCommands: 20_000, measuredCommands: 60_000, seed: 8);

        Assert.Equal(WorkloadReplay.Run(Workload).Engine.ComputeStateDigest(), WorkloadReplay.Run(again).Engine.ComputeStateDigest());
        Assert.NotEqual(WorkloadReplay.Run(Workload).Engine.ComputeStateDigest(), WorkloadReplay.Run(other).Engine.ComputeStateDigest());
    }
}
