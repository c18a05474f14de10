using Exchange.Core.Commands;
using Exchange.Core.Matching;
using Exchange.Journal.Snapshots;
using Exchange.Server.Pipeline;
using Exchange.Server.Tests.Node;

namespace Exchange.Server.Tests.Pipeline;

public class SnapshotStageTests
{
    [Fact]
    public void ShouldNotAllocatePerCommandBetweenSnapshots()
    {
        using var dir = new TempDirectory();
        var stage = new SnapshotStage(() => new MatchingEngine(), new SnapshotStore(dir.Path), journalBase: 0, everyCommands: 1_000_000);
        var slot = new InboundSlot { Command = new Command { Type = CommandType.AdvanceTime } };
        long sequence = 0;
        for (; sequence < 100; sequence++)
        {
            stage.OnEvent(ref slot, sequence, endOfBatch: true); // builds the shadow, warms up
        }
        // The fewest bytes of several rounds of 10,000 commands: a method tiering up mid-round may allocate once (the
        // runtime's, not ours), while an allocation per command shows in every round.
        long fewest = long.MaxValue;
        for (int round = 0; round < 5; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (long end = sequence + 10_000; sequence < end; sequence++)
            {
                stage.OnEvent(ref slot, sequence, endOfBatch: sequence % 10 == 0);
            }
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        // Allocation on the snapshot thread means garbage collections pausing the engine, journal and responder.
        Assert.Equal(0, fewest);
    }

    [Fact]
    public void ShouldWriteEachSnapshotWhole()
    {
        using var dir = new TempDirectory();
        var store = new SnapshotStore(dir.Path, retain: 3);
        var stage = new SnapshotStage(() => new MatchingEngine(), store, journalBase: 0, everyCommands: 10);
        var slot = new InboundSlot { Command = new Command { Type = CommandType.AdvanceTime } };
        var loaded = new List<long>();
        for (long s = 0; s < 35; s++)
        {
            stage.OnEvent(ref slot, s, endOfBatch: true);
            stage.WaitForWrites();
            // Each snapshot, taken apart from the per-command path, is complete (its checksum holds) and loads.
            var newest = store.LoadNewest(stream => MatchingEngine.ReadSnapshot(stream), (_, e) => throw e);
            if (newest is { } n && (loaded.Count == 0 || loaded[^1] != n.Sequence))
            {
                loaded.Add(n.Sequence);
            }
        }
        Assert.Equal([9L, 19L, 29L], loaded);
    }
}
