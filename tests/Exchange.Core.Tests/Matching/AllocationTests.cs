using Exchange.Core.Commands;
using Exchange.Core.Events;
using Exchange.Core.Matching;

namespace Exchange.Core.Tests.Matching;

public class AllocationTests
{
    [Fact]
    public void ShouldAllocateNothingPerCommandInSteadyState()
    {
        var engine = new MatchingEngine(new EngineOptions { OrderCapacity = 4096, LevelCapacity = 1024 });
        foreach (var c in SteadyWorkload.Instruments())
        {
            engine.Process(in c);
        }
        var block = SteadyWorkload.Block(0);
        long blockSpan = block[^1].Timestamp + 1;
        const int rounds = 2_000;
        long checksum = 0;

        // Warm up: JIT, pools, dictionaries and scratch arrays reach their working size.
        for (int r = 0; r < 200; r++)
        {
            checksum += Run(engine, block, r * blockSpan);
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int r = 200; r < 200 + rounds; r++)
        {
            checksum += Run(engine, block, r * blockSpan);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(checksum > 0);
        Assert.Equal(0, engine.LiveOrderCount);
        Assert.Equal(0L, allocated);
    }

    [Fact]
    public void ShouldExerciseEveryEventTypeInTheSteadyWorkload()
    {
        var engine = new MatchingEngine();
        var seen = new HashSet<EventType>();
        foreach (var c in SteadyWorkload.Instruments().Concat(SteadyWorkload.Block(0)))
        {
            foreach (var e in engine.Process(in c))
            {
                seen.Add(e.Type);
            }
        }
        var missing = Enum.GetValues<EventType>().Except(seen).Except([EventType.StatusChanged, EventType.Reduced]);
        Assert.Empty(missing);
    }

    private static long Run(MatchingEngine engine, Command[] block, long offset)
    {
        long sum = 0;
        for (int i = 0; i < block.Length; i++)
        {
            var c = block[i];
            c.Timestamp += offset;
            if (c.ExpireTime != 0)
            {
                c.ExpireTime += offset;
            }
            sum += engine.Process(in c).Length;
        }
        return sum;
    }
}
