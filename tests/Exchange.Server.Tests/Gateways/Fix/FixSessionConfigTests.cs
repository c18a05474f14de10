using System.Net;
using System.Text.Json;
using Exchange.Server.Configuration;
using Exchange.Server.Gateways;
using Exchange.Server.Gateways.Fix;

namespace Exchange.Server.Tests.Gateways.Fix;

public sealed class FixSessionConfigTests
{
    [Fact]
    public void ShouldDefaultToOneSessionPerDemoAccount()
    {
        var config = new ExchangeConfig();
        Assert.Equal(["TRADER1", "TRADER2"], config.FixSessions.Select(s => s.SenderCompId));
        Assert.All(config.FixSessions, s => Assert.True(s.PasswordRequired));
        Assert.All(config.FixSessions, s => Assert.False(s.CancelOnDisconnect));
        Assert.Equal("127.0.0.1:9878", config.FixEndpoint);
        Assert.Equal("EXCHANGE", config.FixCompId);
    }

    [Fact]
    public void ShouldReadFixSessionsFromTheConfigurationFile()
    {
        var config = JsonSerializer.Deserialize<ExchangeConfig>("""
            {
              "fixSessions": [
                { "senderCompId": "ALGO1", "account": "TRADER1", "resetOnLogon": true, "heartbeatIntervalSeconds": 10, "cancelOnDisconnect": true },
                { "senderCompId": "TRADER2", "passwordRequired": false, "targetCompId": "EXCH2", "dropCopy": true }
              ]
            }
            """, ExchangeConfig.JsonOptions)!;
        Assert.Equal(new FixSessionConfig("ALGO1", "TRADER1", null, true, true, 10, true), config.FixSessions[0]);
        Assert.Equal(new FixSessionConfig("TRADER2", null, "EXCH2", false, DropCopy: true), config.FixSessions[1]);
    }

    [Fact]
    public void ShouldRefuseASessionForAnUnknownAccount()
    {
        var config = new ExchangeConfig { FixSessions = [new FixSessionConfig("NOBODY")], DataDirectory = Path.GetTempPath() };
        Assert.Throws<InvalidDataException>(() =>
            FixGateway.Start(config, new OrderEntryHub(), new FixOrderProjection(), endpoint: new IPEndPoint(IPAddress.Loopback, 0)));
    }
}
