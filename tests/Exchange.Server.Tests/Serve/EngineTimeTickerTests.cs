using Exchange.Core.Domain;
using Exchange.Core.Events;
using Exchange.Journal;
using Exchange.Server.Configuration;
using Exchange.Server.Serve;
using Exchange.Server.Tests.Node;

namespace Exchange.Server.Tests.Serve;

public class EngineTimeTickerTests
{
    [Fact]
    public async Task ShouldExpireAGoodTillDateOrderWithoutAnyOtherTraffic()
    {
        using var dir = new TempDirectory();
        using var node = ExchangeNode.Start(new ExchangeConfig { DataDirectory = dir.Path, Durability = DurabilityMode.None });
        var order = ExchangeNodeTests.Order(1, 1, Side.Buy, "180.00");
        order.TimeInForce = TimeInForce.Gtd;
        order.ExpireTime = DateTimeOffset.UtcNow.AddMilliseconds(200).ToUnixTimeMilliseconds() * 1_000_000;
        Assert.Equal(EventType.Accepted, (await node.Client.SubmitAsync(order)).Events[0].Type);

        using (var ticker = new EngineTimeTicker(node, TimeSpan.FromMilliseconds(20)))
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (ticker.Ticks < 20 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
            Assert.True(ticker.Ticks >= 20);
        }
        node.Stop(); // nothing is submitted after the ticker is disposed, so the drain is safe
        Assert.Equal(0, node.Pipeline.Engine.LiveOrderCount);
    }
}
