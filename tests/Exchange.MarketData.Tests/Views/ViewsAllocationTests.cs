using Exchange.Core.Commands;
using Exchange.Core.Matching;
using Exchange.Core.Tests.Matching;
using Exchange.MarketData.Views;

namespace Exchange.MarketData.Tests.Views;

/// <summary>The views run on the market-data thread for every engine event; their garbage pauses the whole server
/// (the order threads too), so in steady state they allocate nothing: not per order, not per publication.</summary>
public class ViewsAllocationTests
{
    [Fact]
    public void ApplyingEventsAndTakingEachCommandsChangesAllocateNothingInSteadyState()
    {
        var engine = new MatchingEngine(new EngineOptions { OrderCapacity = 4096, LevelCapacity = 1024 });
        var views = new MarketDataViews();
        foreach (var c in SteadyWorkload.Instruments())
        {
            MarketDataViewsTests.Feed(views, engine.Process(in c));
        }
        var block = SteadyWorkload.Block(0);
        long blockSpan = block[^1].Timestamp + 1;
        long checksum = 0;
        int round = 0;
        for (; round < 200; round++)
        {
            checksum += Run(engine, views, block, round * blockSpan);
        }
        // Windows: an allocation per event or publication shows in every one, a one-off runtime allocation (a method
        // tiering up on this thread) in one at most.
        var windows = new List<long>();
        for (int w = 0; w < 5 && (windows.Count == 0 || windows[^1] != 0); w++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int end = round + 300; round < end; round++)
            {
                checksum += Run(engine, views, block, round * blockSpan);
            }
            windows.Add(GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.True(checksum > 0);
        Assert.Equal(0, views.Inconsistencies);
        Assert.True(windows[^1] == 0, $"bytes allocated per window of 300 blocks: {string.Join(", ", windows)}");
    }

    [Fact]
    public void TakeChangesHandsOutEachChangeOnceAndClearsThem()
    {
        var engine = new MatchingEngine();
        var views = new MarketDataViews();
        foreach (var c in SteadyWorkload.Instruments().Concat(SteadyWorkload.Block(0)))
        {
            MarketDataViewsTests.Feed(views, engine.Process(in c));
        }
        Assert.True(views.TryGet("AAPL", out var view));
        var first = view.TakeChanges();
        Assert.NotEmpty(first.L3);
        Assert.NotEmpty(first.Trades);
        Assert.NotEmpty(first.Levels);
        Assert.True(first.Bars);
        var l3 = first.L3.ToList();

        var second = view.TakeChanges();
        Assert.Empty(second.L3);
        Assert.Empty(second.Trades);
        Assert.Empty(second.Levels);
        Assert.False(second.Bars);
        Assert.False(view.HasPendingChanges);
        Assert.Contains(l3, u => u.Kind == BookUpdateKind.Add);
    }

    private static long Run(MatchingEngine engine, MarketDataViews views, Command[] block, long offset)
    {
        long sum = 0;
        for (int i = 0; i < block.Length; i++)
        {
            var c = SteadyWorkload.Shifted(in block[i], offset);
            var events = engine.Process(in c);
            MarketDataViewsTests.Feed(views, events);
            for (int k = 0; k < views.Instruments.Count; k++)
            {
                var changes = views.Instruments[k].TakeChanges(); // what the WebSocket hub does after a batch, nobody subscribed
                sum += changes.L3.Count + changes.Trades.Count + changes.Levels.Count;
            }
            sum += events.Length;
        }
        return sum;
    }
}
