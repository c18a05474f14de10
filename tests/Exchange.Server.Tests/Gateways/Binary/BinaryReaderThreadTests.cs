using Exchange.Binary.Messages;
using Exchange.Core.Domain;
using Exchange.Journal;

namespace Exchange.Server.Tests.Gateways.Binary;

/// <summary>A binary connection is read on a thread of its own, up to the acceptor's limit; beyond it, asynchronously
/// — both trade alike, and a thread is given back when its connection ends.</summary>
public sealed class BinaryReaderThreadTests : IDisposable
{
    private readonly BinaryGatewayHost _host = new(DurabilityMode.None, streamCapacity: 1024, readerThreads: 1);

    public void Dispose() => _host.Dispose();

    [Fact]
    public void ShouldReadAConnectionOnItsOwnThreadAndReturnItWhenTheConnectionEnds()
    {
        using (var client = _host.Connect("TRADER1"))
        {
            var handler = new RecordingHandler();
            client.Send(BinaryGatewayTests.Limit("b1", Side.Buy, "189.50", 100));
            handler.WaitFor<OrderAccepted>(client);
            Assert.Equal(1, _host.Acceptor.ReaderThreadCount);
        }
        Assert.True(SpinWait.SpinUntil(() => _host.Acceptor.ReaderThreadCount == 0, TimeSpan.FromSeconds(10)));

        // The thread is free again: the next connection to log in takes it.
        using var next = _host.Connect("TRADER2");
        var h = new RecordingHandler();
        next.Send(BinaryGatewayTests.Limit("s1", Side.Sell, "190.00", 10));
        h.WaitFor<OrderAccepted>(next);
        Assert.Equal(1, _host.Acceptor.ReaderThreadCount);
    }

    [Fact]
    public void ShouldTradeAlikeOnAConnectionBeyondTheLimit()
    {
        using var seller = _host.Connect("TRADER1"); // takes the one reading thread
        using var buyer = _host.Connect("TRADER2"); // read asynchronously
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
        Assert.Equal(1, _host.Acceptor.ReaderThreadCount);
    }
}
