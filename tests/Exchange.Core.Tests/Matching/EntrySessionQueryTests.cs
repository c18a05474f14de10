using Exchange.Core.Domain;
using Exchange.Core.Events;

namespace Exchange.Core.Tests.Matching;

/// <summary><see cref="Core.Matching.MatchingEngine.GetOrderEntrySessions"/>: what the gateways seed their report
/// routing with after a restart.</summary>
public class EntrySessionQueryTests
{
    [Fact]
    public void ShouldListEveryLiveOrderEnteredOnASessionAndNothingElse()
    {
        var d = new EngineDriver();
        long Accept(Core.Commands.Command order) => d.Send(order).Single(e => e.Type == EventType.Accepted).OrderId;

        long a1 = Accept(EngineDriver.Order(1, "A1", Side.Buy, "100.00", 10, session: 7));
        long a2 = Accept(EngineDriver.Order(1, "A2", Side.Buy, "99.00", 10, session: 7));
        long a3 = Accept(EngineDriver.Order(1, "A3", Side.Buy, "98.00", 10, session: 7));
        long b1 = Accept(EngineDriver.Order(2, "B1", Side.Sell, "105.00", 10, session: 9));
        Accept(EngineDriver.Order(3, "C1", Side.Buy, "97.00", 10)); // no session: left out
        long s1 = Accept(EngineDriver.Order(2, "S1", Side.Sell, null, 5, OrderType.Stop, TimeInForce.Gtc, stop: "90.00", session: 9));
        d.Cancel(1, "A3");                                                     // gone
        d.New(EngineDriver.Order(2, "B2", Side.Sell, "100.00", 10, session: 9)); // fills A1 and itself: both gone
        d.Replace(1, "A2", "A2b", "99.50", 10);                                // same order, same session

        var listed = d.Engine.GetOrderEntrySessions().ToHashSet();

        Assert.Equal(new HashSet<(long, long)> { (a2, 7), (b1, 9), (s1, 9) }, listed);
        Assert.DoesNotContain(listed, o => o.OrderId == a1 || o.OrderId == a3);
    }
}
