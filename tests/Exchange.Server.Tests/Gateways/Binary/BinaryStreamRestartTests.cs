using System.Net;
using Exchange.Binary.Client;
using Exchange.Binary.Framing;
using Exchange.Binary.Messages;
using Exchange.Core.Domain;
using Exchange.Journal;
using Exchange.Server.Configuration;
using Exchange.Server.Gateways;
using Exchange.Server.Gateways.Binary;
using Exchange.Server.Tests.Node;

namespace Exchange.Server.Tests.Gateways.Binary;

/// <summary>Streams across restarts: kept after a clean shutdown, started afresh (new instance) after a crash.</summary>
public sealed class BinaryStreamRestartTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string StateDirectory => Path.Combine(_dir.Path, "binary");

    private (ExchangeNode Node, BinaryAcceptor Acceptor) Start()
    {
        var hub = new OrderEntryHub();
        var node = ExchangeNode.Start(new ExchangeConfig { DataDirectory = _dir.Path, Durability = DurabilityMode.Fsync, TimeTickMilliseconds = 0 }, [hub]);
        hub.Node = node;
        return (node, BinaryAcceptor.Start("127.0.0.1:0", hub, node.Config.Accounts, stateDirectory: StateDirectory));
    }

    private static BinaryOrderEntryClient Connect(BinaryAcceptor acceptor, ulong sequence) =>
        BinaryOrderEntryClient.Connect(new IPEndPoint(IPAddress.Loopback, acceptor.LocalEndPoint.Port), new LoginRequest("TRADER1", "demo", "keep", sequence, 0));

    [Fact]
    public void ShouldKeepTheStreamAcrossACleanRestart()
    {
        ulong instance;
        ulong next;
        var (node, acceptor) = Start();
        using (var client = Connect(acceptor, 0))
        {
            var h = new RecordingHandler();
            client.Send(BinaryGatewayTests.Limit("k1", Side.Buy, "180.00", 10));
            client.Send(BinaryGatewayTests.Limit("k2", Side.Buy, "181.00", 10));
            h.WaitFor<OrderAccepted>(client, a => a.ClientOrderId == ClientOrderId.Parse("k2"));
            instance = client.Login.StreamInstance;
            next = client.NextSequence;
        }
        // serve's order: connections, then the exchange (draining), then the streams are saved.
        acceptor.Stop();
        node.Stop();
        acceptor.Dispose();
        node.Dispose();

        (node, acceptor) = Start();
        using (node)
        using (acceptor)
        using (var again = Connect(acceptor, 1))
        {
            Assert.Equal(instance, again.Login.StreamInstance);
            Assert.Equal(1UL, again.Login.NextSequence);
            var h = new RecordingHandler();
            h.WaitFor<OrderAccepted>(again, a => a.ClientOrderId == ClientOrderId.Parse("k2"));
            Assert.Equal(["k1", "k2"], h.Received.Select(r => ((OrderAccepted)r.Message).ClientOrderId.ToString()));
            Assert.Equal(next, again.NextSequence);
            // Numbering goes on where it stopped.
            again.Send(new CancelOrder { ClientOrderId = ClientOrderId.Parse("k1"), Symbol = Symbol.Parse("AAPL") });
            h.WaitFor<OrderCanceled>(again);
            Assert.Equal(next, h.Received[^1].Sequence);
        }
    }

    [Fact]
    public void ShouldStartANewInstanceAfterACrash()
    {
        var (node, acceptor) = Start();
        ulong instance;
        using (var client = Connect(acceptor, 0))
        {
            var h = new RecordingHandler();
            client.Send(BinaryGatewayTests.Limit("c1", Side.Buy, "180.00", 10));
            h.WaitFor<OrderAccepted>(client);
            instance = client.Login.StreamInstance;
        }
        acceptor.Stop(); // no Dispose: nothing saved, as in a crash
        node.Crash();

        (node, acceptor) = Start();
        using (node)
        using (acceptor)
        using (var again = Connect(acceptor, 1))
        {
            Assert.NotEqual(instance, again.Login.StreamInstance);
            Assert.Equal(1UL, again.Login.NextSequence);
        }
    }
}
