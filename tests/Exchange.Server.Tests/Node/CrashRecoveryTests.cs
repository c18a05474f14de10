using Exchange.Core.Commands;
using Exchange.Journal;
using Exchange.Journal.Storage;
using Exchange.Server.Configuration;
using Exchange.Server.Pipeline;

namespace Exchange.Server.Tests.Node;

/// <summary>Crashes the whole exchange at write and fsync points of its journal (a fault-injecting storage
/// keeps a random prefix of what was not yet flushed, tearing the last write, or loses the whole page cache)
/// and checks after recovery: the journal holds exactly a prefix of the submitted commands, and that prefix
/// contains every command that was acknowledged.</summary>
public class CrashRecoveryTests
{
    private const int Commands = 2_000;
    private const int Instruments = 4; // declared at first start, before the workload

    private static readonly List<Command> Workload = ExchangeNodeTests.Workload(Commands).ToList();

    // Risk off: the test counts acknowledged commands of the pipeline alone (RiskNodeTests cover risk on).
    private static ExchangeConfig Config(string directory) => new() { DataDirectory = directory, SnapshotEveryCommands = 0, RiskEnabled = false };

    /// <summary>Runs the workload with up to 16 commands in flight until done or crashed; returns how many
    /// leading commands were acknowledged at least, and the highest acknowledged index.</summary>
    private static async Task<int> RunUntilCrash(ExchangeNode node)
    {
        var inFlight = new Queue<(int Index, Task<CommandResult> Task)>();
        int highestAcked = -1;
        for (int i = 0; i < Commands || inFlight.Count > 0;)
        {
            if (node.Pipeline.Fault is not null)
            {
                break;
            }
            if (i < Commands && inFlight.Count < 16)
            {
                inFlight.Enqueue((i, node.Client.SubmitAsync(Workload[i])));
                i++;
                continue;
            }
            var (index, task) = inFlight.Peek();
            if (await Task.WhenAny(task, Task.Delay(20)) == task)
            {
                inFlight.Dequeue();
                highestAcked = Math.Max(highestAcked, index);
            }
        }
        foreach (var (index, task) in inFlight.Where(f => f.Task.IsCompletedSuccessfully))
        {
            highestAcked = Math.Max(highestAcked, index);
        }
        return highestAcked;
    }

    private static long ReferenceOperationCount()
    {
        using var dir = new TempDirectory();
        var storage = new FaultInjectingJournalStorage(new MemoryJournalStorage());
        using var node = ExchangeNode.Start(Config(dir.Path), storage: storage);
        RunUntilCrash(node).GetAwaiter().GetResult();
        node.Crash();
        return storage.OperationCount;
    }

    public static IEnumerable<object[]> CrashPoints()
    {
        // The first operations (segment creation, the instruments), then a seeded spread over the whole run;
        // every third crash also loses the page cache.
        var random = new Random(20261123);
        var points = new SortedSet<long> { 1, 2, 3, 4, 5, 6 };
        while (points.Count < 40)
        {
            points.Add(random.NextInt64(7, 3_000));
        }
        int n = 0;
        foreach (long point in points)
        {
            yield return [point, n++ % 3 == 2];
        }
    }

    [Theory]
    [MemberData(nameof(CrashPoints))]
    public async Task ShouldRecoverAPrefixThatHoldsEveryAcknowledgedCommand(long crashAfter, bool losePageCache)
    {
        using var dir = new TempDirectory();
        var memory = new MemoryJournalStorage();
        var storage = new FaultInjectingJournalStorage(memory);
        storage.CrashAfter(crashAfter, seed: (int)crashAfter, tearLastKeptWrite: true, losePageCache: losePageCache);
        int highestAcked;
        try
        {
            using var node = ExchangeNode.Start(Config(dir.Path), storage: storage);
            highestAcked = await RunUntilCrash(node);
            node.Crash();
        }
        catch (IOException)
        {
            highestAcked = -1; // crashed while declaring the instruments: nothing of the workload was acknowledged
        }

        // Recover on what the "disk" kept.
        var records = new JournalReader(memory).ReadAll().ToList();
        Assert.Equal(Enumerable.Range(1, records.Count).Select(i => (long)i), records.Select(r => r.Sequence));
        int recoveredWorkload = Math.Max(0, records.Count - Instruments);
        Assert.True(recoveredWorkload > highestAcked, $"acknowledged #{highestAcked} but only {recoveredWorkload} recovered");
        for (int i = 0; i < recoveredWorkload; i++)
        {
            var journaled = records[Instruments + i].Command;
            Assert.Equal(Workload[i] with { Timestamp = journaled.Timestamp }, journaled);
        }

        // And the exchange starts on it, with the state of exactly that prefix.
        using var recovered = ExchangeNode.Start(Config(dir.Path), storage: memory);
        Assert.Equal(records.Count, recovered.Recovery.LastJournalSequence);
        var replay = new Core.Matching.MatchingEngine();
        foreach (var record in records)
        {
            var command = record.Command;
            replay.Process(in command);
        }
        Assert.Equal(replay.ComputeStateDigest(), recovered.Recovery.StateDigest);
    }

    [Fact]
    public void ShouldCoverTheWholeRunWithTheCrashPoints()
    {
        long operations = ReferenceOperationCount();
        Assert.InRange(operations, 100, 3_000 * 4);
    }
}
