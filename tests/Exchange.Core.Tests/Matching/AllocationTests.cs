using Exchange.Core.Commands;
using Exchange.Core.Events;
using Exchange.Core.Matching;

namespace Exchange.Core.Tests.Matching;

public class AllocationTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ShouldAllocateNothingPerCommandInSteadyState(bool risk)
    {
        var engine = new MatchingEngine(new EngineOptions { OrderCapacity = 4096, LevelCapacity = 1024 });
        foreach (var c in SteadyWorkload.Instruments())
        {
            engine.Process(in c);
        }
        if (risk)
        {
            // Holds, fees, settlement, price bands and the trade window on every command; accounts funded far beyond the run.
            foreach (var c in SteadyWorkload.RiskSetup())
            {
                engine.Process(in c);
            }
            Assert.True(engine.RiskEnabled);
        }
        var block = SteadyWorkload.Block(0);
        long blockSpan = block[^1].Timestamp + 1;
        const int roundsPerWindow = 500;
        long checksum = 0;
        int round = 0;

        // Warm up: JIT, pools, dictionaries and scratch arrays reach their working size.
        for (; round < 200; round++)
        {
            checksum += Run(engine, block, round * blockSpan);
        }
        // Measure in windows: a per-command allocation shows in every window, while a one-off runtime
        // allocation (tiered JIT re-compiling a hot method on this thread) shows in one at most.
        var windows = new List<long>();
        for (int w = 0; w < 5 && (windows.Count == 0 || windows[^1] != 0); w++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int end = round + roundsPerWindow; round < end; round++)
            {
                checksum += Run(engine, block, round * blockSpan);
            }
            windows.Add(GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.True(checksum > 0);
        Assert.Equal(0, engine.LiveOrderCount);
        Assert.Equal(0L, windows[^1]);
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
        var missing = Enum.GetValues<EventType>().Except(seen).Except([EventType.StatusChanged, EventType.Reduced])
            .Except(Risk.RiskOnlyValues.Events);
        Assert.Empty(missing);
    }

    [Fact]
    public void ShouldTradeWithoutRiskRejectsInTheSteadyWorkloadWithRiskOn()
    {
        var engine = new MatchingEngine();
        var all = SteadyWorkload.Instruments().Concat(SteadyWorkload.RiskSetup()).Concat(SteadyWorkload.Block(0)).ToList();
        var events = all.SelectMany(c => engine.Process(in c).ToArray()).ToList();
        Assert.Contains(events, e => e.Type == EventType.Trade);
        Assert.DoesNotContain(events, e => Risk.RiskOnlyValues.RejectReasons.Contains(e.RejectReason));
    }

    private static long Run(MatchingEngine engine, Command[] block, long offset)
    {
        long sum = 0;
        for (int i = 0; i < block.Length; i++)
        {
            var c = SteadyWorkload.Shifted(in block[i], offset);
            sum += engine.Process(in c).Length;
        }
        return sum;
    }
}
