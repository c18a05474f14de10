using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Matching;
using Exchange.Core.Tests.Model;
using Exchange.MarketData.Views;

namespace Exchange.MarketData.Tests.Views;

public class MarketDataViewsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void PublicBookEqualsTheEngineBookAfterEveryCommandOfARandomWorkload(int seed)
    {
        var engine = new MatchingEngine();
        var views = new MarketDataViews();
        var commands = new RandomCommandGenerator(seed).Generate(6_000);
        for (int i = 0; i < commands.Count; i++)
        {
            var command = commands[i];
            Feed(views, engine.Process(in command));
            foreach (var instrument in engine.Instruments)
            {
                Assert.True(views.TryGet(instrument.Symbol, out var view));
                string expected = BookComparison.Describe(engine, instrument.Symbol);
                string actual = BookComparison.Describe(view.Book);
                if (expected != actual)
                {
                    Assert.Fail($"seed {seed}, command {i} ({command.Type}), {instrument.Symbol}:\nengine\n{expected}\nviews\n{actual}");
                }
                Assert.Equal(instrument.Status, view.Status);
            }
        }
        Assert.Equal(0, views.Gaps);
        Assert.Equal(0, views.Inconsistencies);
    }

    [Fact]
    public void ViewsSeededFromAnEngineMidSessionFollowItExactly()
    {
        var engine = new MatchingEngine();
        var commands = new RandomCommandGenerator(11).Generate(8_000);
        for (int i = 0; i < 4_000; i++)
        {
            var c = commands[i];
            engine.Process(in c);
        }
        var views = new MarketDataViews();
        views.Seed(ShardSeed.Capture(0, engine));
        for (int i = 4_000; i < commands.Count; i++)
        {
            var c = commands[i];
            Feed(views, engine.Process(in c));
        }
        foreach (var instrument in engine.Instruments)
        {
            Assert.True(views.TryGet(instrument.Symbol, out var view));
            Assert.Equal(BookComparison.Describe(engine, instrument.Symbol), BookComparison.Describe(view.Book));
        }
        Assert.Equal(0, views.Gaps);
        Assert.Equal(0, views.Inconsistencies);
    }

    [Fact]
    public void AMissingEventIsCountedAsAGap()
    {
        var engine = new MatchingEngine();
        var views = new MarketDataViews();
        var commands = new RandomCommandGenerator(3).Generate(200);
        for (int i = 0; i < commands.Count; i++)
        {
            var c = commands[i];
            var events = engine.Process(in c);
            Feed(views, i == 100 ? events[1..] : events);
        }
        Assert.True(views.Gaps >= 1);
        Assert.True(views.IsStale(0));
    }

    [Fact]
    public void ASecondSeedOfTheSameShardMarksItStaleInsteadOfMixingStates()
    {
        var engine = new MatchingEngine();
        foreach (var c in new RandomCommandGenerator(4).Generate(100))
        {
            var command = c;
            engine.Process(in command);
        }
        var views = new MarketDataViews();
        views.Seed(ShardSeed.Capture(0, engine));
        Assert.False(views.IsStale(0));
        views.Seed(ShardSeed.Capture(0, engine));
        Assert.True(views.IsStale(0));
    }

    internal static void Feed(MarketDataViews views, ReadOnlySpan<Exchange.Core.Events.EngineEvent> events)
    {
        for (int k = 0; k < events.Length; k++)
        {
            views.Apply(0, in events[k], lastOfCommand: k == events.Length - 1);
        }
    }
}
