using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Server.Bench;

namespace Exchange.Server.Tests.Bench;

public class WorkloadShardsTests
{
    private static readonly GeneratedWorkload Multi =
        new MultiSymbolWorkload(symbols: 20).Generate(warmupCommands: 10_000, measuredCommands: 20_000, seed: 5);

    [Fact]
    public void ShouldDealInstrumentsToShardsInDeclarationOrderAndRouteEachCommandToItsInstrumentsShard()
    {
        var parts = WorkloadShards.Split(Multi, 3);

        Assert.Equal(3, parts.Length);
        for (int shard = 0; shard < parts.Length; shard++)
        {
            var declared = parts[shard].Commands.Where(c => c.Type == CommandType.AddInstrument).Select(c => c.Symbol.ToString()).ToList();
            Assert.Equal(Enumerable.Range(0, 20).Where(s => s % 3 == shard).Select(s => $"S{s:D4}"), declared);
            Assert.All(parts[shard].Commands, c => Assert.Contains(c.Symbol.ToString(), declared));
        }
        Assert.Equal(Multi.Commands.Length, parts.Sum(p => p.Commands.Length));
    }

    [Fact]
    public void ShouldKeepEachShardsCommandsInOrderAndInTheirPhases()
    {
        var parts = WorkloadShards.Split(Multi, 2);

        // Client ids are unique per order in the generator: each shard's commands are a subsequence of the whole.
        for (int shard = 0; shard < parts.Length; shard++)
        {
            var part = parts[shard];
            int at = 0;
            int[] positions = new int[part.Commands.Length];
            for (int i = 0; i < part.Commands.Length; i++)
            {
                while (!SameCommand(Multi.Commands[at], part.Commands[i]))
                {
                    at++;
                }
                positions[i] = at++;
            }
            Assert.All(positions[..part.WarmupStart], p => Assert.True(p < Multi.WarmupStart));
            Assert.All(positions[part.WarmupStart..part.MeasuredStart], p => Assert.InRange(p, Multi.WarmupStart, Multi.MeasuredStart - 1));
            Assert.All(positions[part.MeasuredStart..], p => Assert.True(p >= Multi.MeasuredStart));
        }
        Assert.Equal(Multi.MeasuredCount, parts.Sum(p => p.MeasuredCount));
        Assert.Equal(Multi.WarmupCount, parts.Sum(p => p.WarmupCount));
    }

    [Fact]
    public void ShouldGiveTheSameOutcomeOnShardsAsOnOneEngine()
    {
        var whole = WorkloadReplay.Run(Multi);
        var outcomes = WorkloadShards.Split(Multi, 2).Select(WorkloadReplay.Run).ToList();

        Assert.Equal(whole.Trades, outcomes.Sum(o => o.Trades));
        Assert.Equal(0, outcomes.Sum(o => o.Rejected));
        Assert.Equal(whole.Engine.LiveOrderCount, outcomes.Sum(o => o.Engine.LiveOrderCount));
        var buffer = new Core.Matching.PriceLevelInfo[4_096];
        var shardBuffer = new Core.Matching.PriceLevelInfo[4_096];
        foreach (var instrument in whole.Engine.Instruments)
        {
            var engine = Assert.Single(outcomes, o => o.Engine.TryGetInstrument(instrument.Symbol, out _)).Engine;
            int levels = whole.Engine.GetDepth(instrument.Symbol, Side.Buy, buffer);
            Assert.Equal(levels, engine.GetDepth(instrument.Symbol, Side.Buy, shardBuffer));
            Assert.Equal(buffer[..levels], shardBuffer[..levels]);
        }
    }

    [Fact]
    public void ShouldSendCommandsWithoutASymbolToEveryShard()
    {
        var withRisk = BenchRisk.Apply(Multi);
        var parts = WorkloadShards.Split(withRisk, 2);

        int unrouted = withRisk.Commands.Count(c => c.Symbol.IsEmpty);
        Assert.True(unrouted > 0, "risk set-up enters cash deposits and EnableRisk, which name no instrument");
        Assert.All(parts, p => Assert.Equal(unrouted, p.Commands.Count(c => c.Symbol.IsEmpty)));
        var outcomes = parts.Select(WorkloadReplay.Run).ToList();
        Assert.Equal(0, outcomes.Sum(o => o.Rejected));
        Assert.Equal(WorkloadReplay.Run(withRisk).Trades, outcomes.Sum(o => o.Trades));
    }

    [Fact]
    public void ShouldKeepAOneInstrumentWorkloadWhole()
    {
        var standard = new StandardWorkload().Generate(warmupCommands: 1_000, measuredCommands: 2_000, seed: 3);

        var part = Assert.Single(WorkloadShards.Split(standard, 4));

        Assert.Equal(standard.Commands, part.Commands);
        Assert.Equal(standard.WarmupStart, part.WarmupStart);
        Assert.Equal(standard.MeasuredStart, part.MeasuredStart);
    }

    [Fact]
    public void ShouldMeasureShardsTogetherWithTheEventsOfOneEngine()
    {
        var small = new MultiSymbolWorkload(symbols: 10).Generate(warmupCommands: 2_000, measuredCommands: 6_000, seed: 2);

        var one = ScenarioMeasurement.Measure(small);
        var two = ScenarioMeasurement.Measure(small, shards: 2);

        Assert.Equal(1, one.Shards);
        Assert.Equal(2, two.Shards);
        Assert.Equal(one.Events, two.Events);
        Assert.Equal(one.RestingOrdersAtEnd, two.RestingOrdersAtEnd);
        Assert.Equal(one.LevelsAtEnd, two.LevelsAtEnd);
        Assert.True(two.CommandsPerSec > 0);
        Assert.True(two.P50Ns > 0 && two.MaxNs >= two.P9999Ns);
    }

    private static bool SameCommand(in Command a, in Command b) =>
        a.Type == b.Type && a.Symbol == b.Symbol && a.Account == b.Account && a.ClientId == b.ClientId
        && a.OrigClientId == b.OrigClientId && a.Price == b.Price && a.Quantity == b.Quantity;
}
