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

/// <summary>A binary connection is read on a thread of its own, up to the acceptor's limit; beyond it, asynchronously
/// — both trade alike, and a thread is given back when its connection ends.</summary>
public sealed class BinaryReaderThreadTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly OrderEntryHub _hub = new();
    private readonly ExchangeNode _node;
    private readonly BinaryAcceptor _acceptor;

    public BinaryReaderThreadTests()
    {
        _node = ExchangeNode.Start(new ExchangeConfig { DataDirectory = _dir.Path, Durability = DurabilityMode.None, TimeTickMilliseconds = 0 }, [_hub]);
        _hub.Node = _node;
        _acceptor = BinaryAcceptor.Start("127.0.0.1:0", _hub, _node.Config.Accounts, streamCapacity: 1024, readerThreads: 1);
    }

    public void Dispose()
    {
        _acceptor.Dispose();
        _node.Dispose();
        _dir.Dispose();
    }

    private BinaryOrderEntryClient Connect(string user) =>
        BinaryOrderEntryClient.Connect(new IPEndPoint(IPAddress.Loopback, _acceptor.LocalEndPoint.Port),
            new LoginRequest(user, "demo", "", 0, LoginFlags.None), TimeSpan.FromSeconds(10));

    [Fact]
    public void ShouldReadAConnectionOnItsOwnThreadAndReturnItWhenTheConnectionEnds()
    {
        using (var client = Connect("TRADER1"))
        {
            var handler = new RecordingHandler();
            client.Send(BinaryGatewayTests.Limit("b1", Side.Buy, "189.50", 100));
            handler.WaitFor<OrderAccepted>(client);
            Assert.Equal(1, _acceptor.ReaderThreadCount);
        }
        Assert.True(SpinWait.SpinUntil(() => _acceptor.ReaderThreadCount == 0, TimeSpan.FromSeconds(10)));

        // The thread is free again: the next connection to log in takes it.
        using var next = Connect("TRADER2");
        var h = new RecordingHandler();
        next.Send(BinaryGatewayTests.Limit("s1", Side.Sell, "190.00", 10));
        h.WaitFor<OrderAccepted>(next);
        Assert.Equal(1, _acceptor.ReaderThreadCount);
    }

    [Fact]
    public void ShouldTradeAlikeOnAConnectionBeyondTheLimit()
    {
        using var seller = Connect("TRADER1"); // takes the one reading thread
        using var buyer = Connect("TRADER2"); // read asynchronously
        var sells = new RecordingHandler();
        var buys = new RecordingHandler();
        seller.Send(BinaryGatewayTests.Limit("s1", Side.Sell, "190.00", 100));
        sells.WaitFor<OrderAccepted>(seller);
        for (int i = 0; i < 50; i++)
        {
            buyer.Send(BinaryGatewayTests.Limit($"b{i}", Side.Buy, "190.00", 2));
        }
        var last = buys.WaitFor<OrderExecuted>(buyer, e => e.ClientOrderId == ClientOrderId.Parse("b49"));
        Assert.Equal(2, last.Quantity);
        var maker = sells.WaitFor<OrderExecuted>(seller, e => e.LeavesQuantity == 0);
        Assert.Equal(2, maker.Quantity);
        Assert.Equal(1, _acceptor.ReaderThreadCount);
    }
}
