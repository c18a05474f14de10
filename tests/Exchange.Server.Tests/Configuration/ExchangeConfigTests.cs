using Exchange.Journal;
using Exchange.Sequencing;
using Exchange.Server.Configuration;
using Exchange.Server.Tests.Node;

namespace Exchange.Server.Tests.Configuration;

public class ExchangeConfigTests
{
    [Fact]
    public void ShouldRunOnEmbeddedDefaultsWithoutAFile()
    {
        var config = ExchangeConfig.Load("does-not-exist.json");
        Assert.Equal("data", config.DataDirectory);
        Assert.Equal(DurabilityMode.Fsync, config.Durability);
        Assert.Equal(["TRADER1", "TRADER2"], config.Accounts.Select(a => a.Name));
        Assert.Equal(["AAPL", "MSFT", "GOOG", "TSLA"], config.Instruments.Select(i => i.Symbol));
        Assert.Equal("127.0.0.1:9878", config.FixEndpoint);
        Assert.Equal("EXCHANGE", config.FixCompId);
    }

    [Fact]
    public void ShouldOverrideWhatTheFileNamesAndKeepTheRest()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "exchange.json");
        File.WriteAllText(path, """
            {
              // comments are allowed
              "durability": "none",
              "waitStrategy": "busySpin",
              "outboundWaitStrategy": "yielding",
              "instruments": [ { "symbol": "BTC-USD", "tickSize": "0.5", "lotSize": 1, "collarBasisPoints": 0 } ],
              "shards": [ { "id": 0, "symbols": [] }, { "id": 1, "symbols": ["BTC-USD"] } ],
            }
            """);
        var config = ExchangeConfig.Load(path);
        Assert.Equal(DurabilityMode.None, config.Durability);
        Assert.Equal(WaitStrategyKind.BusySpin, config.WaitStrategy);
        Assert.Equal(WaitStrategyKind.Yielding, config.OutboundWaitStrategy);
        Assert.Null(config.InboundWaitStrategy);
        Assert.Equal("BTC-USD", Assert.Single(config.Instruments).Symbol);
        Assert.Equal(2, config.Shards.Count);
        Assert.Equal("data", config.DataDirectory);
        Assert.Equal(2, config.Accounts.Count);
    }

    [Fact]
    public void ShouldRefuseUnknownKeys()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "exchange.json");
        File.WriteAllText(path, """{ "durabilty": "none" }""");
        Assert.Throws<System.Text.Json.JsonException>(() => ExchangeConfig.Load(path));
    }
}
