using Exchange.Binary.Messages;
using Exchange.Core.Domain;
using Exchange.Journal;

namespace Exchange.Server.Tests.Gateways.Binary;

/// <summary>The responder writes to a connection directly only while the socket takes it without blocking; a
/// client that stops reading makes it hand over to the writer loop. Nothing may be lost, doubled or reordered
/// in that hand-over.</summary>
public sealed class BinaryGatewayBackPressureTests : IDisposable
{
    private const int Messages = 120_000;
    private static readonly Symbol Aapl = Symbol.Parse("AAPL");
    private readonly BinaryGatewayHost _host = new(DurabilityMode.None, streamCapacity: 1 << 17);

    public void Dispose() => _host.Dispose();

    [Fact]
    public void ShouldDeliverEveryAnswerOnceAndInOrderToAClientThatStopsReading()
    {
        using var client = _host.Connect("TRADER1", stream: "paused");
        // Every cancel of an unknown order gets exactly one answer (the engine's reject, or the gateway's Busy).
        for (int i = 0; i < Messages; i++)
        {
            client.Send(new CancelOrder { ClientOrderId = ClientOrderId.FromNumber(i), Symbol = Aapl }, flush: i % 500 == 499);
        }
        client.Flush();
        Thread.Sleep(300); // the answers pile up in the socket buffers meanwhile

        var handler = new RecordingHandler();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (handler.Received.Count < Messages && DateTime.UtcNow < deadline)
        {
            Assert.True(client.Receive(ref handler) >= 0, "the connection ended");
        }
        Assert.Equal(Messages, handler.Received.Count);
        for (int i = 0; i < Messages; i++)
        {
            Assert.Equal((ulong)i + 1, handler.Received[i].Sequence);
            Assert.IsType<OrderRejected>(handler.Received[i].Message);
        }
    }
}
