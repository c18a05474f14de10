using System.Net.WebSockets;
using Exchange.Api.WebSockets;
using Exchange.MarketData.Views;

namespace Exchange.Api.Tests.WebSockets;

/// <summary>How a sender's visit writes a connection's queued frames: a batch in order, in one write to the stream, at
/// most one batch per visit, and the close frame after a close (the visits are made here by hand, no sender thread).</summary>
public class BatchedSendingTests
{
    [Fact]
    public async Task HeldWritesGoOutTogetherWithTheFirstWriteAfterRelease()
    {
        var inner = new RecordingStream();
        var stream = new CoalescingStream(inner);
        stream.Hold();
        await stream.WriteAsync(new byte[] { 1, 2 });
        await stream.WriteAsync(new byte[] { 3 });
        Assert.Empty(inner.Writes);
        stream.Release();
        await stream.WriteAsync(new byte[] { 4 });
        Assert.Equal([new byte[] { 1, 2, 3, 4 }], inner.Writes);
        await stream.WriteAsync(new byte[] { 5 }); // nothing held: passes through
        Assert.Equal(2, inner.Writes.Count);
        Assert.Equal(new byte[] { 5 }, inner.Writes[1]);
    }

    [Fact]
    public async Task AVisitWritesTheQueuedMessagesInOrderInOneWrite()
    {
        var (connection, inner) = Create();
        for (byte i = 0; i < 3; i++)
        {
            Assert.True(connection.Enqueue(new OutFrame([i, i], binary: true), Delivery.Reliable, ("AAA", Channel.Trades, 0)));
        }
        connection.SendPending();
        Assert.Single(inner.Writes);
        var messages = await ReadAsync(inner.Writes[0]);
        Assert.Equal([[0, 0], [1, 1], [2, 2]], messages.Select(m => m.Data));
        Assert.Equal(3, connection.Sent);
        Assert.Equal(0, connection.QueueLength);
    }

    [Fact]
    public async Task ALongQueueTakesSeveralVisitsOfOneBatchEachAndKeepsTheOrder()
    {
        var (connection, inner) = Create();
        for (byte i = 0; i < 40; i++)
        {
            Assert.True(connection.Enqueue(new OutFrame([i], binary: true), Delivery.Reliable, ("AAA", Channel.Trades, 0)));
        }
        connection.SendPending();
        Assert.Single(inner.Writes);
        Assert.True(connection.QueueLength > 0, "one visit wrote the whole queue");
        while (connection.QueueLength > 0)
        {
            connection.SendPending();
        }
        Assert.True(inner.Writes.Count >= 3, $"{inner.Writes.Count} writes");
        var messages = await ReadAsync([.. inner.Writes.SelectMany(w => w)]);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => (byte)i), messages.Select(m => m.Data[0]));
    }

    [Fact]
    public async Task AfterACloseTheVisitSendsOnlyTheCloseFrameWithItsReason()
    {
        var (connection, inner) = Create();
        Assert.True(connection.Enqueue(new OutFrame([7], binary: true), Delivery.Reliable, ("AAA", Channel.Trades, 0)));
        connection.Close(WebSocketCloseStatus.PolicyViolation, "slow consumer: test");
        connection.SendPending();
        Assert.True(SpinWait.SpinUntil(() => inner.Writes.Count > 0, TimeSpan.FromSeconds(10)));
        var client = WebSocket.CreateFromStream(new MemoryStream(inner.Writes[0]), new WebSocketCreationOptions { IsServer = false });
        var result = await client.ReceiveAsync(new byte[64], CancellationToken.None);
        Assert.Equal(WebSocketMessageType.Close, result.MessageType);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, client.CloseStatus);
        Assert.Equal("slow consumer: test", client.CloseStatusDescription);
        connection.SendPending(); // nothing follows the close frame
        Assert.Single(inner.Writes);
    }

    private static (ClientConnection Connection, RecordingStream Inner) Create()
    {
        var inner = new RecordingStream();
        var stream = new CoalescingStream(inner);
        var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
        return (new ClientConnection(socket, new WebSocketFeedOptions(), stream: stream), inner);
    }

    /// <summary>The messages in <paramref name="bytes"/>, read as a client reads the server's frames.</summary>
    private static async Task<List<(WebSocketMessageType Type, byte[] Data)>> ReadAsync(byte[] bytes)
    {
        var client = WebSocket.CreateFromStream(new MemoryStream(bytes), new WebSocketCreationOptions { IsServer = false });
        var messages = new List<(WebSocketMessageType, byte[])>();
        var buffer = new byte[1024];
        while (true)
        {
            ValueWebSocketReceiveResult r;
            try
            {
                r = await client.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
            }
            catch (WebSocketException)
            {
                return messages; // the end of the bytes
            }
            if (r.Count == 0 && r.MessageType != WebSocketMessageType.Close && r.EndOfMessage)
            {
                return messages;
            }
            Assert.True(r.EndOfMessage);
            messages.Add((r.MessageType, buffer[..r.Count]));
        }
    }

    /// <summary>Records each write to it; reads find the end of the stream.</summary>
    private sealed class RecordingStream : Stream
    {
        public List<byte[]> Writes { get; } = [];

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            lock (Writes)
            {
                Writes.Add(buffer.ToArray());
            }
            return default;
        }

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().Wait();

        public override int Read(byte[] buffer, int offset, int count) => 0;

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override bool CanRead => true;

        public override bool CanWrite => true;

        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
