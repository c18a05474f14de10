using System.Net;
using System.Net.Sockets;
using Exchange.Binary.Framing;
using Exchange.Binary.Messages;
using Exchange.Core.Domain;

namespace Exchange.Server.Tests.Gateways.Binary;

/// <summary>The gateway's answers to bad input, written byte by byte on a raw socket.</summary>
public sealed class BinaryGatewayProtocolTests : IDisposable
{
    private readonly BinaryGatewayTests _gateway = new();

    public void Dispose() => _gateway.Dispose();

    private Socket Raw()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveTimeout = 10_000 };
        socket.Connect(new IPEndPoint(IPAddress.Loopback, _gateway.Port));
        return socket;
    }

    private static byte[] Login(string user = "TRADER1", string stream = "raw")
    {
        var packet = new byte[Packet.HeaderLength + LoginRequest.Length];
        Packet.WriteHeader(packet, PacketType.LoginRequest, LoginRequest.Length);
        new LoginRequest(user, "demo", stream, 0, 0).WriteTo(packet.AsSpan(Packet.HeaderLength));
        return packet;
    }

    private static byte[] Unsequenced(ReadOnlySpan<byte> message)
    {
        var packet = new byte[Packet.HeaderLength + message.Length];
        Packet.WriteHeader(packet, PacketType.UnsequencedData, message.Length);
        message.CopyTo(packet.AsSpan(Packet.HeaderLength));
        return packet;
    }

    /// <summary>Reads packets until one of <paramref name="type"/>; null if the server closed the connection first.</summary>
    private static (PacketType Type, byte[] Payload)? ReadUntil(Socket socket, PacketType type)
    {
        var buffer = new byte[64 * 1024];
        int end = 0;
        while (true)
        {
            while (Packet.TryRead(buffer.AsSpan(0, end), out var t, out var payload, out int consumed) == PacketStatus.Complete)
            {
                if (t == type)
                {
                    return (t, payload.ToArray());
                }
                buffer.AsSpan(consumed, end - consumed).CopyTo(buffer);
                end -= consumed;
            }
            int n;
            try
            {
                n = socket.Receive(buffer.AsSpan(end));
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
            {
                return null;
            }
            if (n == 0)
            {
                return null;
            }
            end += n;
        }
    }

    [Fact]
    public void ShouldCloseAConnectionWhoseFirstPacketIsNotALogin()
    {
        using var socket = Raw();
        socket.Send(Unsequenced(new byte[MassCancel.Length]));
        Assert.Null(ReadUntil(socket, PacketType.LoginAccepted));
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, (byte)'R' })]             // length 0
    [InlineData(new byte[] { 0xff, 0xff, (byte)'U' })]       // length 65535, over the maximum
    [InlineData(new byte[] { 1, 0, (byte)'?' })]             // unknown packet type
    public void ShouldCloseTheConnectionOnABadPacketAfterLogin(byte[] bad)
    {
        using var socket = Raw();
        socket.Send(Login());
        Assert.NotNull(ReadUntil(socket, PacketType.LoginAccepted));
        socket.Send(bad);
        Assert.Null(ReadUntil(socket, PacketType.SequencedData));
    }

    [Fact]
    public void ShouldRejectAnUnknownMessageTypeAndAMalformedMessageButKeepTheConnection()
    {
        using var socket = Raw();
        socket.Send(Login());
        Assert.NotNull(ReadUntil(socket, PacketType.LoginAccepted));

        socket.Send(Unsequenced("Q-------"u8));
        var unknown = ReadUntil(socket, PacketType.SequencedData)!.Value.Payload;
        Assert.True(OrderRejected.TryRead(unknown, out var r1));
        Assert.Equal(BinaryRejectReason.UnknownMessageType, r1.Reason);
        Assert.Equal((ClientMessageType)'Q', r1.RejectedMessageType);

        var order = new byte[EnterOrder.Length];
        new EnterOrder { ClientOrderId = ClientOrderId.Parse("m1"), Symbol = Symbol.Parse("AAPL"), Side = (Side)7, OrderType = OrderType.Limit, TimeInForce = TimeInForce.Gtc, Quantity = 1 }
            .WriteTo(order);
        socket.Send(Unsequenced(order));
        var malformed = ReadUntil(socket, PacketType.SequencedData)!.Value.Payload;
        Assert.True(OrderRejected.TryRead(malformed, out var r2));
        Assert.Equal(BinaryRejectReason.MalformedMessage, r2.Reason);
        Assert.Equal(ClientMessageType.EnterOrder, r2.RejectedMessageType);

        socket.Send(Unsequenced(order.AsSpan(0, 100))); // too short for an Enter Order
        Assert.True(OrderRejected.TryRead(ReadUntil(socket, PacketType.SequencedData)!.Value.Payload, out var r3));
        Assert.Equal(BinaryRejectReason.MalformedMessage, r3.Reason);

        // Still logged in: a valid order is accepted.
        new EnterOrder { ClientOrderId = ClientOrderId.Parse("m2"), Symbol = Symbol.Parse("AAPL"), Side = Side.Buy, OrderType = OrderType.Limit, TimeInForce = TimeInForce.Gtc, Price = Price.Parse("100"), Quantity = 1 }
            .WriteTo(order);
        socket.Send(Unsequenced(order));
        Assert.True(OrderAccepted.TryRead(ReadUntil(socket, PacketType.SequencedData)!.Value.Payload, out var accepted));
        Assert.Equal(ClientOrderId.Parse("m2"), accepted.ClientOrderId);
    }

    [Fact]
    public void ShouldSurviveRandomBytesFromManyConnections()
    {
        var random = new Random(4);
        for (int c = 0; c < 50; c++)
        {
            using var socket = Raw();
            var junk = new byte[random.Next(1, 4096)];
            random.NextBytes(junk);
            if (c % 2 == 0)
            {
                socket.Send(Login(stream: $"fuzz{c}")); // half of them logged in first
            }
            try
            {
                socket.Send(junk);
            }
            catch (SocketException)
            {
                // The server may already have closed it.
            }
        }
        // The gateway still serves a well-behaved client.
        var client = _gateway.Connect("TRADER2", "after-fuzz");
        var h = new RecordingHandler();
        client.Send(BinaryGatewayTests.Limit("ok", Side.Sell, "300.00", 1));
        Assert.Equal(ClientOrderId.Parse("ok"), h.WaitFor<OrderAccepted>(client).ClientOrderId);
    }
}
