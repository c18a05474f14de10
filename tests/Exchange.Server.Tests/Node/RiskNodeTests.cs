using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Events;
using Exchange.Journal;
using Exchange.Server.Configuration;
using Exchange.Server.Pipeline;

namespace Exchange.Server.Tests.Node;

/// <summary>`exchange serve` with risk on (the default): turned on and the demo accounts funded by journaled commands
/// at the first start only; a journal with risk, fees, a kill switch, halts and a price-band pause replays to the same
/// state digest.</summary>
public class RiskNodeTests
{
    private const long Second = 1_000_000_000;

    private static ExchangeConfig Config(string directory) => new()
    {
        DataDirectory = directory,
        SnapshotEveryCommands = 0,
        Durability = DurabilityMode.Fsync,
    };

    /// <summary>A clock tests move by hand.</summary>
    private sealed class ManualClock : IClock
    {
        public long Now = 1_767_225_600 * Second;

        public long NowNanoseconds() => Now;
    }

    [Fact]
    public async Task ShouldTurnRiskOnAndFundTheDemoAccountsOnFirstStartOnly()
    {
        using var dir = new TempDirectory();
        using (var node = ExchangeNode.Start(Config(dir.Path)))
        {
            var engine = node.Pipeline.Engine;
            Assert.True(engine.RiskEnabled);
            Assert.Equal((Price.Parse("1000000000.00"), 0L), engine.GetCash(1, Currency.Default));
            Assert.Equal((10_000_000L, 0L), engine.GetPosition(2, Symbol.Parse("MSFT")));
            var accepted = await node.Client.SubmitAsync(ExchangeNodeTests.Order(1, 1, Side.Buy, "190.00"));
            Assert.Equal(EventType.Accepted, accepted.Events[0].Type);
            var unfunded = await node.Client.SubmitAsync(ExchangeNodeTests.Order(9, 2, Side.Buy, "190.00"));
            Assert.Equal(RejectReason.InsufficientFunds, unfunded.Events[0].RejectReason);
            node.Stop();
        }
        using var again = ExchangeNode.Start(Config(dir.Path));
        Assert.Equal((Price.Parse("1000000000.00"), Price.Parse("1900.00")), again.Pipeline.Engine.GetCash(1, Currency.Default));
    }

    [Fact]
    public async Task ShouldReplayAJournalWithRiskKillSwitchHaltsAndAPauseToTheSameDigest()
    {
        using var dir = new TempDirectory();
        var clock = new ManualClock();
        var aapl = Symbol.Parse("AAPL");
        ulong digest;
        using (var node = ExchangeNode.Start(Config(dir.Path), clock: clock))
        {
            async Task<CommandResult> Submit(Command c)
            {
                clock.Now += Second / 10;
                return await node.Client.SubmitAsync(c);
            }
            await Submit(new Command { Type = CommandType.SetLimit, Account = 1, Limit = RiskLimit.AccountTakerFeeBps, Quantity = 5 });
            await Submit(new Command { Type = CommandType.SetLimit, Account = 2, Limit = RiskLimit.AccountMakerFeeBps, Quantity = 2 });
            foreach (var c in ExchangeNodeTests.Workload(300))
            {
                await Submit(c);
            }
            await Submit(new Command { Type = CommandType.KillSwitch, Account = 2, Status = TradingStatus.Halted });
            await Submit(new Command { Type = CommandType.KillSwitch, Account = 2, Status = TradingStatus.Open });
            await Submit(new Command { Type = CommandType.SetStatus, Status = TradingStatus.Halted });
            await Submit(new Command { Type = CommandType.SetStatus, Status = TradingStatus.Open });
            await Submit(new Command { Type = CommandType.Withdraw, Account = 1, Quantity = Price.Parse("1000.00") });
            // Pin the book at the upper band for 15 s: a pause, then its end.
            var (_, upper) = node.Pipeline.Engine.GetPriceBands(aapl);
            Assert.True(upper > 0);
            var pin = ExchangeNodeTests.Order(1, 9_999, Side.Buy, Price.Format(upper, 2), 1);
            var pinned = await Submit(pin);
            Assert.Contains(pinned.Events, e => e.Alert == AlertKind.LimitStateEntered);
            clock.Now += 15 * Second;
            var paused = await Submit(new Command { Type = CommandType.AdvanceTime });
            Assert.Contains(paused.Events, e => e.Type == EventType.StatusChanged && e.Status == TradingStatus.Paused);
            clock.Now += 300 * Second;
            await Submit(new Command { Type = CommandType.AdvanceTime });
            foreach (var c in ExchangeNodeTests.Workload(100, offset: 300))
            {
                await Submit(c);
            }
            node.Stop();
            digest = node.Pipeline.Engine.ComputeStateDigest();
            Assert.True(node.Pipeline.Engine.GetFeesCollected(Currency.Default) > 0);
        }
        Directory.Delete(Path.Combine(dir.Path, "shard-0", "snapshots"), recursive: true);
        using var again = ExchangeNode.Start(Config(dir.Path), clock: clock);
        Assert.Equal(digest, again.Recovery.StateDigest);
        Assert.True(again.Recovery.ReplayedRecords > 400);
    }
}
