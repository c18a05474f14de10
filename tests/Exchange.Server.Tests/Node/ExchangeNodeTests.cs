using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Events;
using Exchange.Journal;
using Exchange.Server.Configuration;

namespace Exchange.Server.Tests.Node;

public class ExchangeNodeTests
{
    // Risk off: these tests count journal records and sequences of the pipeline alone (RiskNodeTests cover risk on).
    private static ExchangeConfig Config(string directory, long snapshotEvery = 0) => new()
    {
        DataDirectory = directory,
        SnapshotEveryCommands = snapshotEvery,
        Durability = DurabilityMode.Fsync,
        RiskEnabled = false,
    };

    internal static Command Order(long account, int n, Side side, string price, long qty = 10) => new()
    {
        Type = CommandType.NewOrder, Account = account, ClientId = ClientOrderId.Parse($"o{n}"), Symbol = Symbol.Parse("AAPL"),
        Side = side, OrderType = OrderType.Limit, TimeInForce = TimeInForce.Gtc, Price = Price.Parse(price), Quantity = qty,
    };

    /// <summary>Orders that trade and rest, around 190.00.</summary>
    internal static IEnumerable<Command> Workload(int count, int offset = 0) => Enumerable.Range(offset, count).Select(n =>
        Order(1 + n % 2, n, n % 3 == 0 ? Side.Sell : Side.Buy, $"{189 + n % 3}.{n % 100:D2}", 1 + n % 7));

    [Fact]
    public async Task ShouldDeclareTheDemoInstrumentsOnFirstStart()
    {
        using var dir = new TempDirectory();
        using var node = ExchangeNode.Start(Config(dir.Path));
        Assert.Equal(["AAPL", "MSFT", "GOOG", "TSLA"], node.Pipeline.Engine.Instruments.Select(i => i.Symbol.ToString()));
        var result = await node.Client.SubmitAsync(Order(1, 1, Side.Buy, "190.00"));
        Assert.Equal(EventType.Accepted, result.Events[0].Type);
    }

    [Fact]
    public async Task ShouldComeBackWithTheSameStateAfterACleanStop()
    {
        using var dir = new TempDirectory();
        ulong digest;
        using (var node = ExchangeNode.Start(Config(dir.Path)))
        {
            foreach (var c in Workload(300))
            {
                await node.Client.SubmitAsync(c);
            }
            node.Stop();
            digest = node.Pipeline.Engine.ComputeStateDigest();
        }
        using var again = ExchangeNode.Start(Config(dir.Path));
        Assert.Equal(digest, again.Recovery.StateDigest);
        Assert.Equal(0, again.Recovery.ReplayedRecords); // the final snapshot covered everything
        Assert.Equal(304, again.Recovery.SnapshotSequence);
    }

    [Fact]
    public async Task ShouldReplayTheJournalWhenThereIsNoSnapshot()
    {
        using var dir = new TempDirectory();
        ulong digest;
        using (var node = ExchangeNode.Start(Config(dir.Path)))
        {
            foreach (var c in Workload(200))
            {
                await node.Client.SubmitAsync(c);
            }
            node.Stop();
            digest = node.Pipeline.Engine.ComputeStateDigest();
        }
        Directory.Delete(Path.Combine(dir.Path, "shard-0", "snapshots"), recursive: true);
        using var again = ExchangeNode.Start(Config(dir.Path));
        Assert.Equal(digest, again.Recovery.StateDigest);
        Assert.Equal(204, again.Recovery.ReplayedRecords);
    }

    [Fact]
    public async Task ShouldTakePeriodicSnapshotsAndRecoverFromTheNewestPlusTheJournalTail()
    {
        using var dir = new TempDirectory();
        ulong digest;
        using (var node = ExchangeNode.Start(Config(dir.Path, snapshotEvery: 100)))
        {
            foreach (var c in Workload(450))
            {
                await node.Client.SubmitAsync(c);
            }
            node.Crash(); // no final snapshot, no clean close
            digest = node.Pipeline.Engine.ComputeStateDigest();
        }
        using var again = ExchangeNode.Start(Config(dir.Path));
        Assert.Equal(digest, again.Recovery.StateDigest);
        Assert.True(again.Recovery.SnapshotSequence >= 300, $"snapshot at {again.Recovery.SnapshotSequence}");
        Assert.Equal(454 - again.Recovery.SnapshotSequence, again.Recovery.ReplayedRecords);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)] // with a shadow engine, which loads its own copy in parallel
    public async Task ShouldFallBackToAnOlderSnapshotWhenTheNewestIsDamaged(long snapshotEveryOnRestart)
    {
        using var dir = new TempDirectory();
        ulong digest;
        using (var node = ExchangeNode.Start(Config(dir.Path, snapshotEvery: 100)))
        {
            foreach (var c in Workload(250))
            {
                await node.Client.SubmitAsync(c);
            }
            node.Stop();
            digest = node.Pipeline.Engine.ComputeStateDigest();
        }
        var snapshots = Directory.GetFiles(Path.Combine(dir.Path, "shard-0", "snapshots"), "*.snap").Order().ToList();
        Assert.True(snapshots.Count >= 2);
        var newest = snapshots[^1];
        var bytes = File.ReadAllBytes(newest);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(newest, bytes);

        using var again = ExchangeNode.Start(Config(dir.Path, snapshotEveryOnRestart));
        Assert.Equal(digest, again.Recovery.StateDigest);
        Assert.True(again.Recovery.ReplayedRecords > 0);
    }

    [Fact]
    public async Task ShouldContinueTheJournalAcrossRestarts()
    {
        using var dir = new TempDirectory();
        using (var node = ExchangeNode.Start(Config(dir.Path)))
        {
            foreach (var c in Workload(50))
            {
                await node.Client.SubmitAsync(c);
            }
        }
        using (var node = ExchangeNode.Start(Config(dir.Path)))
        {
            foreach (var c in Workload(50, offset: 50))
            {
                await node.Client.SubmitAsync(c);
            }
        }
        var reader = new JournalReader(new Journal.Storage.FileJournalStorage(Path.Combine(dir.Path, "shard-0", "journal")));
        var sequences = reader.ReadAll().Select(r => r.Sequence).ToList();
        Assert.Equal(Enumerable.Range(1, 104).Select(i => (long)i), sequences);
    }

    [Fact]
    public async Task ShouldRouteEachInstrumentToItsShardAndRecoverEveryShard()
    {
        using var dir = new TempDirectory();
        var config = Config(dir.Path) with { Shards = [new ShardConfig(0, ["AAPL", "MSFT"]), new ShardConfig(1, ["GOOG", "TSLA"])] };
        var digests = new ulong[2];
        using (var node = ExchangeNode.Start(config))
        {
            Assert.Equal(2, node.Shards.Count);
            Assert.Equal(["AAPL", "MSFT"], node.Shards[0].Pipeline.Engine.Instruments.Select(i => i.Symbol.ToString()));
            Assert.Equal(["GOOG", "TSLA"], node.Shards[1].Pipeline.Engine.Instruments.Select(i => i.Symbol.ToString()));
            var goog = Order(1, 1, Side.Buy, "170.00") with { Symbol = Symbol.Parse("GOOG") };
            Assert.Equal(EventType.Accepted, (await node.Client.SubmitAsync(goog)).Events[0].Type);
            await node.Client.SubmitAsync(Order(1, 2, Side.Buy, "190.00"));

            // A cancel by client id alone reaches the shard that has the order.
            var cancel = new Command { Type = CommandType.Cancel, Account = 1, OrigClientId = ClientOrderId.Parse("o1") };
            var cancelled = Assert.Single((await node.Client.SubmitAsync(cancel)).Events);
            Assert.Equal(EventType.Cancelled, cancelled.Type);
            Assert.Equal("GOOG", cancelled.Symbol.ToString());

            // A mass cancel by account covers every shard, with one summary.
            var mass = await node.Client.SubmitAsync(new Command { Type = CommandType.MassCancel, Account = 1 });
            Assert.Equal(1, mass.Events.Single(e => e.Type == EventType.MassCancelled).Quantity);
            await node.Client.SubmitAsync(goog with { ClientId = ClientOrderId.Parse("o3") });
            node.Stop();
            digests[0] = node.Shards[0].Pipeline.Engine.ComputeStateDigest();
            digests[1] = node.Shards[1].Pipeline.Engine.ComputeStateDigest();
        }
        using var again = ExchangeNode.Start(config);
        Assert.Equal(digests, again.Shards.Select(s => s.Recovery.StateDigest));
        Assert.True(Directory.Exists(Path.Combine(dir.Path, "shard-1", "journal")));
    }

    [Fact]
    public async Task ShouldBuildTheShadowEngineLateFromTheSnapshotAndJournalTailAndSnapshotCorrectly()
    {
        using var dir = new TempDirectory();
        var config = Config(dir.Path, snapshotEvery: 100);
        using (var node = ExchangeNode.Start(config))
        {
            foreach (var c in Workload(250))
            {
                await node.Client.SubmitAsync(c);
            }
            node.Crash(); // a snapshot at ~200, then a journal tail
        }
        ulong digest;
        using (var node = ExchangeNode.Start(config))
        {
            Assert.True(node.Recovery.ReplayedRecords > 0);
            // The shadow is built on the snapshot thread from that snapshot plus the same tail, then goes on
            // taking snapshots of its own.
            foreach (var c in Workload(300, offset: 250))
            {
                await node.Client.SubmitAsync(c);
            }
            var snapshots = new Journal.Snapshots.SnapshotStore(Path.Combine(dir.Path, "shard-0", "snapshots"));
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (snapshots.List().FirstOrDefault() < 500 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }
            Assert.True(snapshots.List()[0] >= 500, $"newest snapshot {snapshots.List()[0]}");
            node.Crash();
            digest = node.Pipeline.Engine.ComputeStateDigest();
        }
        // Every snapshot agrees with the journal, and a restart from the newest gives the same state.
        Assert.True(Replay.JournalVerifier.Verify(Path.Combine(dir.Path, "shard-0")).Valid);
        using var again = ExchangeNode.Start(config);
        Assert.Equal(digest, again.Recovery.StateDigest);
    }

    [Fact]
    public async Task ShouldReplayTheJournalTwiceToIdenticalEventsAndDigest()
    {
        using var dir = new TempDirectory();
        using (var node = ExchangeNode.Start(Config(dir.Path)))
        {
            foreach (var c in Workload(400))
            {
                await node.Client.SubmitAsync(c);
            }
        }
        (byte[] Events, ulong Digest) Replay()
        {
            var engine = new Core.Matching.MatchingEngine();
            var events = new MemoryStream();
            using var storage = new Journal.Storage.FileJournalStorage(Path.Combine(dir.Path, "shard-0", "journal"));
            foreach (var record in new JournalReader(storage).ReadAll())
            {
                var command = record.Command;
                events.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(engine.Process(in command)));
            }
            return (events.ToArray(), engine.ComputeStateDigest());
        }
        var first = Replay();
        var second = Replay();
        Assert.True(first.Events.Length > 0);
        Assert.Equal(first.Events, second.Events);
        Assert.Equal(first.Digest, second.Digest);
    }
}
