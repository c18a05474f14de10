using Exchange.Core.Domain;
using Exchange.Server.LoadTest;

namespace Exchange.Server.Tests.LoadTest;

public class LoadOrderFlowTests
{
    [Fact]
    public void ShouldBeSeventyPercentLimitsAroundTheMidAndRepeatableForASeed()
    {
        var options = new LoadTestOptions();
        var orders = Enumerable.Range(0, 10_000).Select(_ => 0).Select(_ => default(LoadOrder)).ToArray();
        var flow = new LoadOrderFlow(options, 7);
        for (int i = 0; i < orders.Length; i++)
        {
            orders[i] = flow.Next();
        }
        double limits = orders.Count(o => !o.Market) / (double)orders.Length;
        Assert.InRange(limits, 0.67, 0.73);
        Assert.All(orders.Where(o => !o.Market), o => Assert.InRange(o.Price, Price.Parse("189.90"), Price.Parse("190.10")));
        Assert.All(orders, o => Assert.InRange(o.Quantity, 1, 100));
        Assert.InRange(orders.Count(o => o.Side == Side.Buy) / (double)orders.Length, 0.47, 0.53);

        var again = new LoadOrderFlow(options, 7);
        Assert.All(orders.Take(100), o => Assert.Equal(o, again.Next()));
    }

    [Fact]
    public void ShouldParseOnlyItsOwnRunsIds()
    {
        var ids = new LoadOrderIds(0xabcdef12);
        var id = ids.Format(1_234_567);
        Assert.Equal("Labcdef12-1234567", id.ToString());
        Assert.True(ids.TryParse(id, out long n));
        Assert.Equal(1_234_567, n);
        Assert.False(new LoadOrderIds(1).TryParse(id, out _));
        Assert.False(ids.TryParse(ClientOrderId.Parse("Labcdef12-12x"), out _));
    }
}
