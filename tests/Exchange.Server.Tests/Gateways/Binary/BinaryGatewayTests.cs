using Exchange.Binary.Client;
using Exchange.Binary.Framing;
using Exchange.Binary.Messages;
using Exchange.Core.Domain;
using Exchange.Journal;

namespace Exchange.Server.Tests.Gateways.Binary;

/// <summary>The binary gateway end to end: an <see cref="ExchangeNode"/>, the hub, the acceptor on a free
/// loopback port, and the client library.</summary>
public sealed class BinaryGatewayTests : IDisposable
{
    private static readonly Symbol Aapl = Symbol.Parse("AAPL");
    private readonly BinaryGatewayHost _host = new(DurabilityMode.Fsync, streamCapacity: 1024);
    private readonly List<BinaryOrderEntryClient> _clients = [];

    public int Port => _host.Acceptor.LocalEndPoint.Port;

    public void Dispose()
    {
        _clients.ForEach(c => c.Dispose());
        _host.Dispose();
    }

    internal BinaryOrderEntryClient Connect(string user, string stream = "", ulong sequence = 0, string password = "demo", LoginFlags flags = LoginFlags.None)
    {
        var client = _host.Connect(user, stream, sequence, password, flags);
        _clients.Add(client);
        return client;
    }

    internal static EnterOrder Limit(string id, Side side, string price, long quantity) => new()
    {
        ClientOrderId = ClientOrderId.Parse(id), Symbol = Aapl, Side = side, OrderType = OrderType.Limit, TimeInForce = TimeInForce.Gtc,
        Price = Price.Parse(price), Quantity = quantity,
    };

    [Fact]
    public void ShouldAcceptAnOrderOnceItIsDurable()
    {
        var client = Connect("TRADER1");
        Assert.Equal(1UL, client.Login.NextSequence);
        var handler = new RecordingHandler();
        client.Send(Limit("b1", Side.Buy, "189.50", 100));
        var accepted = handler.WaitFor<OrderAccepted>(client);
        Assert.Equal(ClientOrderId.Parse("b1"), accepted.ClientOrderId);
        Assert.Equal(Price.Parse("189.50"), accepted.Price);
        Assert.Equal(100, accepted.LeavesQuantity);
        Assert.True(accepted.OrderId > 0);
        Assert.Equal(1UL, handler.Received[0].Sequence);
        Assert.Equal(2UL, client.NextSequence);
        // The event came out of the pipeline, which releases it only after the journal's fsync.
        Assert.True(_host.Node.Pipeline.LastJournalSequence >= 5);
    }

    [Fact]
    public void ShouldReportAPartialFillToBothAccounts()
    {
        var seller = Connect("TRADER1");
        var buyer = Connect("TRADER2");
        var sells = new RecordingHandler();
        var buys = new RecordingHandler();
        seller.Send(Limit("s1", Side.Sell, "190.00", 100));
        sells.WaitFor<OrderAccepted>(seller);
        buyer.Send(Limit("b1", Side.Buy, "190.10", 30));

        var taker = buys.WaitFor<OrderExecuted>(buyer);
        Assert.Equal(Liquidity.Removed, taker.Liquidity);
        Assert.Equal(Price.Parse("190.00"), taker.Price);
        Assert.Equal(30, taker.Quantity);
        Assert.Equal(0, taker.LeavesQuantity);
        Assert.Equal(ClientOrderId.Parse("b1"), taker.ClientOrderId);
        var maker = sells.WaitFor<OrderExecuted>(seller);
        Assert.Equal(Liquidity.Added, maker.Liquidity);
        Assert.Equal(Side.Sell, maker.Side);
        Assert.Equal(70, maker.LeavesQuantity);
        Assert.Equal(30, maker.FilledQuantity);
        Assert.Equal(taker.TradeId, maker.TradeId);
        // Nothing of TRADER2's order is visible to TRADER1 except the fill of its own order.
        Assert.DoesNotContain(sells.Received, r => r.Message is OrderAccepted a && a.ClientOrderId == ClientOrderId.Parse("b1"));
    }

    [Fact]
    public void ShouldCancelReplaceAndMassCancel()
    {
        var client = Connect("TRADER1");
        var h = new RecordingHandler();
        client.Send(Limit("a", Side.Buy, "180.00", 10));
        client.Send(Limit("b", Side.Buy, "181.00", 10));
        client.Send(Limit("c", Side.Sell, "200.00", 10));
        h.WaitFor<OrderAccepted>(client, a => a.ClientOrderId == ClientOrderId.Parse("c"));

        client.Send(new CancelOrder { ClientOrderId = ClientOrderId.Parse("a"), Symbol = Aapl });
        var canceled = h.WaitFor<OrderCanceled>(client);
        Assert.Equal(ClientOrderId.Parse("a"), canceled.ClientOrderId);
        Assert.Equal(CancelReason.Requested, canceled.Reason);
        Assert.Equal(10, canceled.CanceledQuantity);

        client.Send(new ReplaceOrder { ClientOrderId = ClientOrderId.Parse("b"), NewClientOrderId = ClientOrderId.Parse("b2"), Symbol = Aapl, Price = Price.Parse("181.00"), Quantity = 5 });
        var replaced = h.WaitFor<OrderReplaced>(client);
        Assert.Equal(ClientOrderId.Parse("b2"), replaced.ClientOrderId);
        Assert.Equal(ClientOrderId.Parse("b"), replaced.OrigClientOrderId);
        Assert.True(replaced.PriorityKept); // only the quantity went down
        Assert.Equal(5, replaced.LeavesQuantity);

        client.Send(new MassCancel { Symbol = Aapl });
        var summary = h.WaitFor<MassCanceled>(client);
        Assert.Equal(2, summary.Count);
        Assert.Contains(h.Received, r => r.Message is OrderCanceled c && c.ClientOrderId == ClientOrderId.Parse("b2") && c.Reason == CancelReason.MassCancel);
        Assert.Contains(h.Received, r => r.Message is OrderCanceled c && c.ClientOrderId == ClientOrderId.Parse("c") && c.Reason == CancelReason.MassCancel);
    }

    [Fact]
    public void ShouldRejectWithTheEnginesReasonAndTheRefusedMessageType()
    {
        var client = Connect("TRADER1");
        var h = new RecordingHandler();
        client.Send(new CancelOrder { ClientOrderId = ClientOrderId.Parse("nope"), Symbol = Aapl });
        var reject = h.WaitFor<OrderRejected>(client);
        Assert.Equal(BinaryRejectReason.UnknownOrder, reject.Reason);
        Assert.Equal(ClientMessageType.CancelOrder, reject.RejectedMessageType);
        Assert.Equal(ClientOrderId.Parse("nope"), reject.OrigClientOrderId);

        client.Send(Limit("odd", Side.Buy, "190.005", 10));
        var offTick = h.WaitFor<OrderRejected>(client, r => r.ClientOrderId == ClientOrderId.Parse("odd"));
        Assert.Equal(BinaryRejectReason.PriceOffTick, offTick.Reason);
        Assert.Equal(ClientMessageType.EnterOrder, offTick.RejectedMessageType);
    }

    [Fact]
    public void ShouldRefuseAWrongPasswordAndAnUnknownUser()
    {
        Assert.Equal(LoginRejectReason.NotAuthorized, Assert.Throws<BinaryLoginException>(() => Connect("TRADER1", password: "wrong")).Reason);
        Assert.Equal(LoginRejectReason.NotAuthorized, Assert.Throws<BinaryLoginException>(() => Connect("NOBODY")).Reason);
        Assert.Equal(LoginRejectReason.InvalidStreamName, Assert.Throws<BinaryLoginException>(() => Connect("TRADER1", stream: "a b")).Reason);
    }

    [Fact]
    public void ShouldRefuseASecondConnectionToTheSameStreamButNotToAnotherStream()
    {
        Connect("TRADER1", "one");
        Assert.Equal(LoginRejectReason.StreamInUse, Assert.Throws<BinaryLoginException>(() => Connect("TRADER1", "one")).Reason);
        var other = Connect("TRADER1", "two");
        Assert.Equal(1UL, other.Login.NextSequence);
    }

    [Fact]
    public void ShouldReplayFromTheRequestedSequenceIncludingFillsWhileDisconnected()
    {
        var first = Connect("TRADER1", "s");
        var h = new RecordingHandler();
        first.Send(Limit("r1", Side.Sell, "190.00", 10));
        first.Send(Limit("r2", Side.Sell, "191.00", 10));
        h.WaitFor<OrderAccepted>(first, a => a.ClientOrderId == ClientOrderId.Parse("r2"));
        first.Logout();
        while (first.Receive(ref h) >= 0)
        {
        }
        WaitUntil(() => _host.Acceptor.ConnectionCount == 1 || _host.Acceptor.ConnectionCount == 0);

        // While TRADER1 is away, TRADER2 takes its first order.
        var other = Connect("TRADER2");
        var oh = new RecordingHandler();
        other.Send(Limit("t1", Side.Buy, "190.00", 10));
        oh.WaitFor<OrderExecuted>(other);

        var back = Connect("TRADER1", "s", sequence: 2);
        Assert.Equal(2UL, back.Login.NextSequence);
        var replay = new RecordingHandler();
        var again = replay.WaitFor<OrderAccepted>(back);
        Assert.Equal(ClientOrderId.Parse("r2"), again.ClientOrderId); // sequence 2, sent again
        var fill = replay.WaitFor<OrderExecuted>(back); // sequence 3, produced while nobody was connected
        Assert.Equal(ClientOrderId.Parse("r1"), fill.ClientOrderId);
        Assert.Equal([2UL, 3UL], replay.Received.Select(r => r.Sequence));
    }

    [Fact]
    public void ShouldSayWhenTheRequestedSequenceIsNoLongerKept()
    {
        var client = Connect("TRADER1", "small");
        var h = new RecordingHandler();
        for (int i = 0; i < 1100; i++)
        {
            client.Send(new CancelOrder { ClientOrderId = ClientOrderId.FromNumber(i), Symbol = Aapl }, flush: i % 100 == 99);
            if (i % 100 == 99)
            {
                // Keep up: a reader more than the capacity behind is disconnected (another test's subject).
                h.WaitFor<OrderRejected>(client, r => r.OrigClientOrderId == ClientOrderId.FromNumber(i));
            }
        }
        client.Logout();
        while (client.Receive(ref h) >= 0)
        {
        }
        WaitUntil(() => _host.Acceptor.ConnectionCount == 0);
        Assert.Equal(LoginRejectReason.SequenceNotAvailable, Assert.Throws<BinaryLoginException>(() => Connect("TRADER1", "small", sequence: 5)).Reason);
        var tail = Connect("TRADER1", "small", sequence: 100);
        Assert.Equal(100UL, tail.Login.NextSequence);
        Assert.Equal(1101UL - 1024, tail.Login.OldestAvailable);
    }

    [Fact]
    public void ShouldCancelTheStreamsOrdersWhenAConnectionWithCancelOnDisconnectDrops()
    {
        var staying = Connect("TRADER2", "other");
        var s = new RecordingHandler();
        staying.Send(Limit("k0", Side.Buy, "179.00", 10));
        s.WaitFor<OrderAccepted>(staying);
        var leaving = Connect("TRADER2", "cod", flags: LoginFlags.CancelOnDisconnect);
        var h = new RecordingHandler();
        leaving.Send(Limit("k1", Side.Buy, "180.00", 10));
        h.WaitFor<OrderAccepted>(leaving);
        ulong next = leaving.NextSequence;
        leaving.Dispose(); // a drop, not a logout

        // The mass cancel and the order's cancel are sent on the dropped connection's stream: logging in to it again
        // from where it left off gets them (the stream is free once the server has seen the drop).
        var back = ConnectWhenFree("TRADER2", "cod", next);
        var b = new RecordingHandler();
        var canceled = b.WaitFor<OrderCanceled>(back);
        Assert.Equal(ClientOrderId.Parse("k1"), canceled.ClientOrderId);
        Assert.Equal(CancelReason.MassCancel, canceled.Reason);
        Assert.Equal(1, b.WaitFor<MassCanceled>(back).Count);
        // The account's order entered on its other stream is still working: its own cancel finds it.
        staying.Send(new CancelOrder { ClientOrderId = ClientOrderId.Parse("k0"), Symbol = Aapl });
        Assert.Equal(CancelReason.Requested, s.WaitFor<OrderCanceled>(staying).Reason);
    }

    private BinaryOrderEntryClient ConnectWhenFree(string user, string stream, ulong sequence)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                return Connect(user, stream, sequence);
            }
            catch (BinaryLoginException e) when (e.Reason == LoginRejectReason.StreamInUse && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }
        }
    }

    [Fact]
    public void ShouldSendHeartbeatsAndEndOfSessionAtShutdown()
    {
        var client = Connect("TRADER1");
        var h = new RecordingHandler();
        // Nothing to send for over a second: the server's heartbeat keeps Receive returning 0 messages, not timing out.
        var started = DateTime.UtcNow;
        Assert.Equal(0, client.Receive(ref h));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        _host.Acceptor.Stop();
        while (client.Receive(ref h) >= 0)
        {
        }
        Assert.True(client.Ended);
    }

    [Fact]
    public void ShouldDisconnectAReaderThatFallsMoreThanTheCapacityBehind()
    {
        var slow = Connect("TRADER1", "slow");
        // Never reads: the kernel's socket buffers fill, the writer stalls, the ring laps the cursor, the server
        // closes the connection (the client may notice while still sending).
        try
        {
            for (int i = 0; i < 20_000; i++)
            {
                slow.Send(new CancelOrder { ClientOrderId = ClientOrderId.FromNumber(i), Symbol = Aapl }, flush: i % 500 == 499);
            }
        }
        catch (IOException)
        {
        }
        WaitUntil(() => _host.Acceptor.ConnectionCount == 0);
        var h = new RecordingHandler();
        try
        {
            while (slow.Receive(ref h) >= 0)
            {
            }
        }
        catch (IOException)
        {
            // Reset by the server: also an end.
        }
        Assert.True(h.Received.Count < 20_000);
    }

    private static void WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            Thread.Sleep(5);
        }
    }
}
