using Exchange.Binary.Messages;
using Exchange.Core.Domain;

namespace Exchange.Binary.Tests;

public class MessageTests
{
    private static readonly ClientOrderId Id = ClientOrderId.Parse("order-1");
    private static readonly Symbol Aapl = Symbol.Parse("AAPL");

    [Fact]
    public void ShouldWriteEnterOrderAtTheDocumentedOffsets()
    {
        var order = new EnterOrder
        {
            ClientOrderId = Id, Symbol = Aapl, Side = Side.Sell, OrderType = OrderType.StopLimit, TimeInForce = TimeInForce.Gtd,
            SelfTradePrevention = SelfTradePrevention.Decrement, Flags = OrderFlags.PostOnly, Price = Price.Parse("190.25"),
            StopPrice = Price.Parse("190.50"), Quantity = 300, DisplayQuantity = 100, ExpireTime = 1_700_000_000_000_000_000,
            OcoPartner = ClientOrderId.Parse("p"),
        };
        var m = new byte[EnterOrder.Length];
        Assert.Equal(128, order.WriteTo(m));
        Assert.Equal(new byte[] { (byte)'O', 2, 4, 5, 4, 1, 0, 0 }, m[..8]);
        Assert.Equal("order-1"u8.ToArray(), m[8..15]);
        Assert.Equal("AAPL"u8.ToArray(), m[40..44]);
        Assert.Equal(19_025_000_000, BitConverter.ToInt64(m, 56));
        Assert.Equal(300, BitConverter.ToInt64(m, 72));
        Assert.Equal((byte)'p', m[96]);
        Assert.True(EnterOrder.TryRead(m, out var back));
        Assert.Equal(order.ClientOrderId, back.ClientOrderId);
        Assert.Equal(order.StopPrice, back.StopPrice);
        Assert.Equal(order.ExpireTime, back.ExpireTime);
        Assert.Equal(order.OcoPartner, back.OcoPartner);
        Assert.Equal(order.Flags, back.Flags);
    }

    [Theory]
    [InlineData(1, 3)] // side 3
    [InlineData(2, 0)] // order type 0
    [InlineData(3, 9)] // time in force 9
    [InlineData(8, 0)] // empty client order id
    [InlineData(9, 0x20)] // a space inside the client order id
    [InlineData(41, 0)] // a hole in the symbol followed by text ("A\0PL")
    public void ShouldRefuseAnEnterOrderWithAFieldOutOfItsDomain(int offset, byte value)
    {
        var m = new byte[EnterOrder.Length];
        new EnterOrder { ClientOrderId = Id, Symbol = Aapl, Side = Side.Buy, OrderType = OrderType.Limit, TimeInForce = TimeInForce.Gtc, Quantity = 1 }.WriteTo(m);
        Assert.True(EnterOrder.TryRead(m, out _));
        m[offset] = value;
        Assert.False(EnterOrder.TryRead(m, out _));
        Assert.False(EnterOrder.TryRead(m.AsSpan(0, 127), out _));
    }

    [Fact]
    public void ShouldRoundTripEveryClientMessage()
    {
        var m = new byte[256];
        new CancelOrder { ClientOrderId = Id, Symbol = Aapl }.WriteTo(m);
        Assert.True(CancelOrder.TryRead(m.AsSpan(0, CancelOrder.Length), out var x));
        Assert.Equal(Id, x.ClientOrderId);

        new ReplaceOrder { ClientOrderId = Id, NewClientOrderId = ClientOrderId.Parse("n"), Symbol = Aapl, Price = 5, StopPrice = 6, Quantity = 7 }.WriteTo(m);
        Assert.True(ReplaceOrder.TryRead(m.AsSpan(0, ReplaceOrder.Length), out var u));
        Assert.Equal((ClientOrderId.Parse("n"), 5L, 6L, 7L), (u.NewClientOrderId, u.Price, u.StopPrice, u.Quantity));

        new MassCancel().WriteTo(m);
        Assert.True(MassCancel.TryRead(m.AsSpan(0, MassCancel.Length), out var all));
        Assert.True(all.Symbol.IsEmpty);
    }

    [Fact]
    public void ShouldRoundTripEveryServerMessage()
    {
        var m = new byte[256];
        new OrderAccepted { Side = Side.Buy, OrderId = 9, ClientOrderId = Id, Symbol = Aapl, Price = 1, Quantity = 2, LeavesQuantity = 2, Timestamp = 3 }.WriteTo(m);
        Assert.True(OrderAccepted.TryRead(m.AsSpan(0, OrderAccepted.Length), out var a));
        Assert.Equal((9L, 2L, 3L), (a.OrderId, a.LeavesQuantity, a.Timestamp));

        new OrderRejected { RejectedMessageType = ClientMessageType.ReplaceOrder, Reason = BinaryRejectReason.Busy, ClientOrderId = Id }.WriteTo(m);
        Assert.Equal(100, BitConverter.ToUInt16(m, 2));
        Assert.True(OrderRejected.TryRead(m.AsSpan(0, OrderRejected.Length), out var j));
        Assert.Equal((ClientMessageType.ReplaceOrder, BinaryRejectReason.Busy), (j.RejectedMessageType, j.Reason));

        new OrderExecuted { Liquidity = Liquidity.Added, TradeId = 4, Price = 5, Quantity = 6, LeavesQuantity = 7, FilledQuantity = 8 }.WriteTo(m);
        Assert.True(OrderExecuted.TryRead(m.AsSpan(0, OrderExecuted.Length), out var e));
        Assert.Equal((Liquidity.Added, 4L, 8L), (e.Liquidity, e.TradeId, e.FilledQuantity));

        new OrderCanceled { Reason = CancelReason.SelfTrade, CanceledQuantity = 3 }.WriteTo(m);
        Assert.True(OrderCanceled.TryRead(m.AsSpan(0, OrderCanceled.Length), out var c));
        Assert.Equal((CancelReason.SelfTrade, 3L), (c.Reason, c.CanceledQuantity));

        new OrderReplaced { PriorityKept = true, OrigClientOrderId = Id, DisplayQuantity = 5 }.WriteTo(m);
        Assert.True(OrderReplaced.TryRead(m.AsSpan(0, OrderReplaced.Length), out var r));
        Assert.Equal((true, Id, 5L), (r.PriorityKept, r.OrigClientOrderId, r.DisplayQuantity));

        new OrderRestated { Reason = RestatementReason.Replenished, DisplayQuantity = 10 }.WriteTo(m);
        Assert.True(OrderRestated.TryRead(m.AsSpan(0, OrderRestated.Length), out var s));
        Assert.Equal((RestatementReason.Replenished, 10L), (s.Reason, s.DisplayQuantity));

        new MassCanceled { Symbol = Aapl, Count = 12 }.WriteTo(m);
        Assert.True(MassCanceled.TryRead(m.AsSpan(0, MassCanceled.Length), out var k));
        Assert.Equal(12, k.Count);
    }

    [Fact]
    public void ShouldMapEngineRejectReasonsOneToOne()
    {
        foreach (var reason in Enum.GetValues<RejectReason>())
        {
            Assert.Equal(reason.ToString(), ((BinaryRejectReason)reason).ToString());
        }
    }

    [Fact]
    public void ShouldNotAllocateWhenEncodingAndDecoding()
    {
        var m = new byte[EnterOrder.Length];
        var order = new EnterOrder { ClientOrderId = Id, Symbol = Aapl, Side = Side.Buy, OrderType = OrderType.Limit, TimeInForce = TimeInForce.Gtc, Quantity = 1 };
        order.WriteTo(m);
        EnterOrder.TryRead(m, out _);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            order.WriteTo(m);
            EnterOrder.TryRead(m, out _);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void ShouldMatchTheExampleInTheProtocolDocument()
    {
        var packet = new byte[3 + EnterOrder.Length];
        Framing.Packet.WriteHeader(packet, Framing.PacketType.UnsequencedData, EnterOrder.Length);
        new EnterOrder
        {
            ClientOrderId = ClientOrderId.Parse("b1"), Symbol = Aapl, Side = Side.Buy, OrderType = OrderType.Limit, TimeInForce = TimeInForce.Gtc,
            Price = Price.Parse("190.25"), Quantity = 100,
        }.WriteTo(packet.AsSpan(3));
        Assert.Equal(Convert.FromHexString("810055" + "4F01010100000000"), packet[..11]);
        Assert.Equal(Convert.FromHexString("4076FA6D04000000"), packet[(3 + 56)..(3 + 64)]);
        Assert.Equal(Convert.FromHexString("6400000000000000"), packet[(3 + 72)..(3 + 80)]);
    }
}
