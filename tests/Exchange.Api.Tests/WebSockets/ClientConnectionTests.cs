using System.Net.WebSockets;
using Exchange.Api.WebSockets;
using Exchange.MarketData.Views;

namespace Exchange.Api.Tests.WebSockets;

/// <summary>The per-connection queue policy, without sending (no sender pool: nothing is sent).</summary>
public class ClientConnectionTests
{
    private static ClientConnection Create(WebSocketFeedOptions options, Action<ClientConnection>? onSlow = null) =>
        new(WebSocket.CreateFromStream(new MemoryStream(), new WebSocketCreationOptions { IsServer = true }), options, onSlow);

    private static OutFrame Frame(byte value) => new([value], binary: true);

    [Fact]
    public void ACompleteStateReplacesTheOneStillQueuedForTheSameKey()
    {
        var connection = Create(new WebSocketFeedOptions { MaxQueuedMessages = 10 });
        for (byte i = 0; i < 100; i++)
        {
            Assert.True(connection.Enqueue(Frame(i), Delivery.Conflate, ("AAA", Channel.L1, 0)));
        }
        Assert.True(connection.Enqueue(Frame(1), Delivery.Conflate, ("BBB", Channel.L1, 0)));
        Assert.Equal(2, connection.QueueLength);
    }

    [Fact]
    public void L2DeltasAreRefusedAboveTheConflationThresholdWithoutClosing()
    {
        var connection = Create(new WebSocketFeedOptions { MaxQueuedMessages = 10, ConflateAbove = 3 });
        for (byte i = 0; i < 3; i++)
        {
            Assert.True(connection.Enqueue(Frame(i), Delivery.Reliable, ("AAA", Channel.Trades, 0)));
        }
        Assert.False(connection.Enqueue(Frame(9), Delivery.DropWhenBusy, ("AAA", Channel.L2, 0)));
        Assert.False(connection.IsClosing);
        Assert.Equal(3, connection.QueueLength);
    }

    [Fact]
    public void AReliableMessageThatDoesNotFitClosesTheConnectionAndFreesTheQueue()
    {
        int slow = 0;
        var connection = Create(new WebSocketFeedOptions { MaxQueuedMessages = 5 }, _ => slow++);
        for (byte i = 0; i < 5; i++)
        {
            Assert.True(connection.Enqueue(Frame(i), Delivery.Reliable, ("AAA", Channel.Trades, 0)));
        }
        Assert.False(connection.Enqueue(Frame(5), Delivery.Reliable, ("AAA", Channel.Trades, 0)));
        Assert.True(connection.IsClosing);
        Assert.StartsWith("slow consumer", connection.CloseReason);
        Assert.Equal(0, connection.QueueLength);
        Assert.Equal(5, connection.MaxQueued);
        Assert.Equal(1, slow);
        Assert.False(connection.Enqueue(Frame(6), Delivery.Reliable, ("AAA", Channel.Trades, 0)));
        Assert.Equal(1, slow);
    }
}
