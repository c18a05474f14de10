using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Events;
using Exchange.Journal;
using Exchange.Server.Configuration;
using Exchange.Server.Gateways;
using Exchange.Server.Tests.Node;

namespace Exchange.Server.Tests.Gateways;

public sealed class OrderEntryHubTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly OrderEntryHub _hub = new();
    private readonly ExchangeNode _node;

    public OrderEntryHubTests()
    {
        _node = ExchangeNode.Start(new ExchangeConfig { DataDirectory = _dir.Path, Durability = DurabilityMode.None }, [_hub]);
        _hub.Node = _node;
    }

    public void Dispose()
    {
        _node.Dispose();
        _dir.Dispose();
    }

    private RecordingSession Attach(long account, bool dropCopy = false)
    {
        var session = new RecordingSession(_hub.NewSessionId(), account) { DropCopy = dropCopy };
        _hub.Attach(session);
        return session;
    }

    [Fact]
    public void ShouldAnswerTheSubmitterWithItsCorrelationAndEndOfCommand()
    {
        var s = Attach(1);
        Assert.Equal(SubmitOutcome.Submitted, _hub.TrySubmit(s, ExchangeNodeTests.Order(99, 1, Side.Buy, "190.00"), 42));
        var accepted = s.WaitFor(r => r.Event.Type == EventType.Accepted);
        Assert.True(accepted.Own);
        Assert.Equal(42, accepted.Correlation);
        Assert.True(accepted.Last);
        Assert.Equal(1, accepted.Event.Account); // stamped with the session's account, not the one in the command
    }

    [Fact]
    public void ShouldTellTheRestingOrdersOwnerAboutAPassiveFill()
    {
        var maker = Attach(1);
        var taker = Attach(2);
        _hub.TrySubmit(maker, ExchangeNodeTests.Order(0, 1, Side.Sell, "190.00"), 1);
        maker.WaitFor(r => r.Event.Type == EventType.Accepted);
        _hub.TrySubmit(taker, ExchangeNodeTests.Order(0, 2, Side.Buy, "190.00"), 7);

        var passive = maker.WaitFor(r => r.Event.Type == EventType.Trade);
        Assert.False(passive.Own);
        Assert.Equal(1, passive.Event.MakerAccount);
        var aggressive = taker.WaitFor(r => r.Event.Type == EventType.Trade);
        Assert.True(aggressive.Own);
        Assert.Equal(7, aggressive.Correlation);
    }

    [Fact]
    public void ShouldSendRejectsOnlyToTheSubmitter()
    {
        var first = Attach(1);
        var second = Attach(1, dropCopy: true);
        _hub.TrySubmit(first, new Command { Type = CommandType.Cancel, Symbol = Symbol.Parse("AAPL"), OrigClientId = ClientOrderId.Parse("nope") }, 3);
        first.WaitFor(r => r.Event.Type == EventType.Rejected);
        _hub.TrySubmit(first, ExchangeNodeTests.Order(0, 5, Side.Buy, "180.00"), 4);
        // The account's drop copy sees the accepted order but never the reject.
        second.WaitFor(r => r.Event.Type == EventType.Accepted && !r.Own);
        Assert.DoesNotContain(second.Received, r => r.Event.Type == EventType.Rejected);
    }

    [Fact]
    public void ShouldNotDeliverOtherAccountsOrders()
    {
        var one = Attach(1);
        var two = Attach(2);
        _hub.TrySubmit(two, ExchangeNodeTests.Order(0, 1, Side.Buy, "180.00"), 1);
        two.WaitFor(r => r.Event.Type == EventType.Accepted);
        _hub.TrySubmit(one, ExchangeNodeTests.Order(0, 2, Side.Buy, "181.00"), 1);
        one.WaitFor(r => r.Event.Type == EventType.Accepted);
        Assert.All(one.Received, r => Assert.Equal(1, r.Event.Account));
        Assert.All(two.Received, r => Assert.Equal(2, r.Event.Account));
    }

    [Fact]
    public void ShouldCancelTheOrdersTheSessionEnteredOnDisconnectWhenAsked()
    {
        var leaving = Attach(1);
        var staying = Attach(1);
        var watcher = Attach(1, dropCopy: true);
        _hub.TrySubmit(leaving, ExchangeNodeTests.Order(0, 1, Side.Buy, "180.00"), 1);
        _hub.TrySubmit(leaving, ExchangeNodeTests.Order(0, 2, Side.Sell, "200.00"), 2);
        _hub.TrySubmit(staying, ExchangeNodeTests.Order(0, 3, Side.Buy, "179.00"), 3);
        watcher.WaitFor(r => r.Event.Type == EventType.Accepted && r.Event.ClientId == ClientOrderId.Parse("o2"));
        staying.WaitFor(r => r.Event.Type == EventType.Accepted);

        _hub.Detach(leaving, cancelOrders: true);
        watcher.WaitFor(r => r.Event.Type == EventType.Cancelled && r.Event.ClientId == ClientOrderId.Parse("o1"));
        watcher.WaitFor(r => r.Event.Type == EventType.Cancelled && r.Event.ClientId == ClientOrderId.Parse("o2"));
        Assert.Equal(SubmitOutcome.NotAttached, _hub.TrySubmit(leaving, ExchangeNodeTests.Order(0, 4, Side.Buy, "180.00"), 4));
        // The account's order entered on its other session is still working.
        _hub.TrySubmit(staying, new Command { Type = CommandType.Cancel, Symbol = Symbol.Parse("AAPL"), OrigClientId = ClientOrderId.Parse("o3") }, 5);
        Assert.Equal(EventType.Cancelled, staying.WaitFor(r => r.Own && r.Last && r.Correlation == 5).Event.Type);
    }

    [Fact]
    public void ShouldCancelOrdersASessionEnteredBeforeItReconnected()
    {
        var first = Attach(1);
        _hub.TrySubmit(first, ExchangeNodeTests.Order(0, 1, Side.Buy, "180.00"), 1);
        first.WaitFor(r => r.Event.Type == EventType.Accepted);
        _hub.Detach(first, cancelOrders: false);
        // The same session again (a reconnect, or a restart): a new hub id, the same stable entry session.
        var again = new RecordingSession(_hub.NewSessionId(), 1) { EntrySession = first.EntrySession };
        _hub.Attach(again);
        var watcher = Attach(1, dropCopy: true);

        _hub.Detach(again, cancelOrders: true);
        watcher.WaitFor(r => r.Event.Type == EventType.Cancelled && r.Event.ClientId == ClientOrderId.Parse("o1"));
    }

    [Fact]
    public void ShouldKeepOrdersOnDisconnectWithoutCancelOnDisconnect()
    {
        var leaving = Attach(2);
        _hub.TrySubmit(leaving, ExchangeNodeTests.Order(0, 1, Side.Buy, "180.00"), 1);
        leaving.WaitFor(r => r.Event.Type == EventType.Accepted);
        _hub.Detach(leaving, cancelOrders: false);
        var back = Attach(2);
        _hub.TrySubmit(back, new Command { Type = CommandType.Cancel, Symbol = Symbol.Parse("AAPL"), OrigClientId = ClientOrderId.Parse("o1") }, 9);
        Assert.Equal(EventType.Cancelled, back.WaitFor(r => r.Own && r.Last).Event.Type);
    }

    [Fact]
    public void ShouldRefuseWhatTheAdmissionCheckRefuses()
    {
        var s = Attach(1);
        _hub.Admit = (_, c) => c.Quantity < 100;
        Assert.Equal(SubmitOutcome.RateLimited, _hub.TrySubmit(s, ExchangeNodeTests.Order(0, 1, Side.Buy, "180.00", qty: 500), 1));
        Assert.Equal(SubmitOutcome.Submitted, _hub.TrySubmit(s, ExchangeNodeTests.Order(0, 2, Side.Buy, "180.00", qty: 5), 2));
    }

    [Fact]
    public void ShouldRefuseASecondSessionWithTheSameId()
    {
        var s = Attach(1);
        Assert.Throws<InvalidOperationException>(() => _hub.Attach(new RecordingSession(s.SessionId, 2)));
    }

    [Fact]
    public void ShouldBlockAKilledSessionAndCancelTheOrdersItEnteredUntilReleased()
    {
        var killed = Attach(1);
        var other = Attach(1);
        _hub.TrySubmit(killed, ExchangeNodeTests.Order(0, 1, Side.Buy, "180.00"), 1);
        _hub.TrySubmit(other, ExchangeNodeTests.Order(0, 2, Side.Buy, "181.00"), 1);
        killed.WaitFor(r => r.Event.Type == EventType.Accepted);
        other.WaitFor(r => r.Event.Type == EventType.Accepted);

        _hub.KillSession(killed.SessionId, cancelOrders: true);
        killed.WaitFor(r => r.Event.Type == EventType.Cancelled && r.Event.ClientId == ClientOrderId.Parse("o1"));
        Assert.Equal(SubmitOutcome.SessionBlocked, _hub.TrySubmit(killed, ExchangeNodeTests.Order(0, 3, Side.Buy, "180.00"), 2));
        Assert.Equal(SubmitOutcome.Submitted, _hub.TrySubmit(other, ExchangeNodeTests.Order(0, 4, Side.Buy, "180.00"), 2));
        Assert.DoesNotContain(other.Received, r => r.Event.Type == EventType.Cancelled);
        // The order the account entered on its other session is still working.
        _hub.TrySubmit(other, new Command { Type = CommandType.Cancel, Symbol = Symbol.Parse("AAPL"), OrigClientId = ClientOrderId.Parse("o2") }, 7);
        Assert.Equal(EventType.Cancelled, other.WaitFor(r => r.Own && r.Last && r.Correlation == 7).Event.Type);

        _hub.ReleaseSession(killed.SessionId);
        Assert.Equal(SubmitOutcome.Submitted, _hub.TrySubmit(killed, ExchangeNodeTests.Order(0, 5, Side.Buy, "180.00"), 3));
    }

    [Fact]
    public void ShouldSendAnOrdersReportsToTheSessionThatEnteredItNotToTheAccountsOtherSessions()
    {
        var entering = Attach(1);
        var other = Attach(1);
        var taker = Attach(2);
        _hub.TrySubmit(entering, ExchangeNodeTests.Order(0, 1, Side.Sell, "190.00"), 1);
        _hub.TrySubmit(other, ExchangeNodeTests.Order(0, 2, Side.Buy, "180.00"), 2);
        other.WaitFor(r => r.Event.Type == EventType.Accepted);
        _hub.TrySubmit(taker, ExchangeNodeTests.Order(0, 3, Side.Buy, "190.00", qty: 4), 3);

        var passive = entering.WaitFor(r => r.Event.Type == EventType.Trade);
        Assert.False(passive.Own);
        taker.WaitFor(r => r.Event.Type == EventType.Trade && r.Last);
        // The other session of the account hears only of its own order (a drop copy would hear of both).
        Assert.All(other.Received, r => Assert.Equal(ClientOrderId.Parse("o2"), r.Event.ClientId));
        Assert.All(entering.Received, r => Assert.NotEqual(ClientOrderId.Parse("o2"), r.Event.ClientId));
    }

    [Fact]
    public void ShouldTellTheEnteringSessionWhenAnotherSessionOfTheAccountCancelsItsOrder()
    {
        var entering = Attach(1);
        var canceller = Attach(1);
        _hub.TrySubmit(entering, ExchangeNodeTests.Order(0, 1, Side.Buy, "180.00"), 1);
        entering.WaitFor(r => r.Event.Type == EventType.Accepted);
        _hub.TrySubmit(canceller, new Command { Type = CommandType.Cancel, Symbol = Symbol.Parse("AAPL"), OrigClientId = ClientOrderId.Parse("o1") }, 9);

        Assert.True(canceller.WaitFor(r => r.Event.Type == EventType.Cancelled).Own);
        Assert.False(entering.WaitFor(r => r.Event.Type == EventType.Cancelled).Own);
    }

    [Fact]
    public void ShouldSendEveryOrderOfTheAccountToADropCopySessionOnce()
    {
        var entering = Attach(1);
        var dropCopy = Attach(1, dropCopy: true);
        var otherAccountsDropCopy = Attach(2, dropCopy: true);
        _hub.TrySubmit(entering, ExchangeNodeTests.Order(0, 1, Side.Sell, "190.00"), 1);
        // A buy of the same account and another session meets it: both sides of the trade are the account's.
        var buyer = Attach(1);
        _hub.TrySubmit(buyer, ExchangeNodeTests.Order(0, 2, Side.Buy, "190.00", qty: 3), 2);
        buyer.WaitFor(r => r.Own && r.Last);
        entering.WaitFor(r => r.Event.Type == EventType.Trade);

        var copies = dropCopy.Received.ToArray();
        Assert.Contains(copies, r => r.Event.Type == EventType.Accepted && r.Event.ClientId == ClientOrderId.Parse("o1"));
        Assert.Contains(copies, r => r.Event.Type == EventType.Accepted && r.Event.ClientId == ClientOrderId.Parse("o2"));
        Assert.Single(copies, r => r.Event.Type == EventType.Trade);
        Assert.All(copies, r => Assert.False(r.Own));
        Assert.Empty(otherAccountsDropCopy.Received);
        // Each side's session gets the trade once.
        Assert.Single(entering.Received, r => r.Event.Type == EventType.Trade);
        Assert.Single(buyer.Received, r => r.Event.Type == EventType.Trade);
    }

    [Fact]
    public void ShouldSendOrdersEnteredByNoSessionOnlyToTheAccountsDropCopies()
    {
        var trading = Attach(1);
        var dropCopy = Attach(1, dropCopy: true);
        // Entered by an in-process client, not a hub session (as the REST API does).
        Assert.Equal(1, _node.TrySubmit(ExchangeNodeTests.Order(1, 1, Side.Buy, "180.00"), 5, 1));
        dropCopy.WaitFor(r => r.Event.Type == EventType.Accepted && !r.Own);
        _hub.TrySubmit(trading, new Command { Type = CommandType.Cancel, Symbol = Symbol.Parse("AAPL"), OrigClientId = ClientOrderId.Parse("o1") }, 2);
        Assert.True(trading.WaitFor(r => r.Event.Type == EventType.Cancelled).Own);
        dropCopy.WaitFor(r => r.Event.Type == EventType.Cancelled && !r.Own);
        // The trading session heard only the answer to its own cancel.
        Assert.Single(trading.Received, r => r.Event.Type != 0);
    }

    [Fact]
    public void ShouldSendReportsOfAnOrderWhoseSessionLeftToEverySessionOfTheAccount()
    {
        var leaving = Attach(1);
        var staying = Attach(1);
        var taker = Attach(2);
        _hub.TrySubmit(leaving, ExchangeNodeTests.Order(0, 1, Side.Sell, "190.00"), 1);
        leaving.WaitFor(r => r.Event.Type == EventType.Accepted);
        _hub.Detach(leaving, cancelOrders: false);
        _hub.TrySubmit(taker, ExchangeNodeTests.Order(0, 2, Side.Buy, "190.00", qty: 2), 2);

        Assert.False(staying.WaitFor(r => r.Event.Type == EventType.Trade).Own);
    }

    [Fact]
    public void ShouldSendAPassiveFillToTheSessionThatEnteredTheOrderBeforeARestart()
    {
        using var dir = new TempDirectory();
        var config = new ExchangeConfig { DataDirectory = dir.Path, Durability = DurabilityMode.Fsync };
        var before = new OrderEntryHub();
        using (var node = ExchangeNode.Start(config, [before]))
        {
            before.Node = node;
            var entering = new RecordingSession(before.NewSessionId(), 1) { EntrySession = 77 };
            before.Attach(entering);
            before.TrySubmit(entering, ExchangeNodeTests.Order(0, 1, Side.Sell, "190.00"), 1);
            entering.WaitFor(r => r.Event.Type == EventType.Accepted);
        }

        var after = new OrderEntryHub();
        using var restarted = ExchangeNode.Start(config, [after]);
        after.Node = restarted;
        // The account's other session is attached first: routing tells the account's sessions in attach order, so once
        // the entering session has the fill, the other one would have had it too.
        var other = new RecordingSession(after.NewSessionId(), 1);
        var same = new RecordingSession(after.NewSessionId(), 1) { EntrySession = 77 };
        var taker = new RecordingSession(after.NewSessionId(), 2);
        after.Attach(other);
        after.Attach(same);
        after.Attach(taker);
        after.TrySubmit(taker, ExchangeNodeTests.Order(0, 2, Side.Buy, "190.00", qty: 2), 2);

        Assert.False(same.WaitFor(r => r.Event.Type == EventType.Trade).Own);
        Assert.DoesNotContain(other.Received, r => r.Event.Type == EventType.Trade);
    }

    [Fact]
    public void ShouldSeedOrderOwnersFromTheRecoveredEngine()
    {
        var owners = new OrderOwnerTable([(5, 77), (6, 78)]);
        Assert.True(owners.TryGetOwner(5, out long session) && session == 77);
        Assert.True(owners.TryGetOwner(6, out session) && session == 78);
        Assert.False(owners.TryGetOwner(7, out _));
    }

    [Fact]
    public void ShouldForgetAnOrdersSessionWhenTheOrderIsDone()
    {
        var owners = new OrderOwnerTable();
        owners.Observe(new EngineEvent { Type = EventType.Accepted, OrderId = 1, LeavesQuantity = 10 }, 7);
        owners.Observe(new EngineEvent { Type = EventType.Accepted, OrderId = 2, LeavesQuantity = 10 }, 7);
        owners.Observe(new EngineEvent { Type = EventType.Accepted, OrderId = 3, LeavesQuantity = 10 }, 8);
        owners.Observe(new EngineEvent { Type = EventType.Accepted, OrderId = 4, LeavesQuantity = 10 }, OrderOwnerTable.NoSession);
        Assert.True(owners.TryGetOwner(3, out long session) && session == 8);
        Assert.True(owners.TryGetOwner(4, out session) && session == OrderOwnerTable.NoSession);
        Assert.False(owners.TryGetOwner(5, out _)); // never seen: entered on no session before a restart

        owners.Observe(new EngineEvent { Type = EventType.Trade, OrderId = 3, LeavesQuantity = 0, MakerOrderId = 1, MakerLeavesQuantity = 5 }, 8);
        Assert.False(owners.TryGetOwner(3, out _));
        Assert.True(owners.TryGetOwner(1, out _));
        owners.Observe(new EngineEvent { Type = EventType.Trade, OrderId = 9, LeavesQuantity = 1, MakerOrderId = 1, MakerLeavesQuantity = 0 }, 8);
        owners.Observe(new EngineEvent { Type = EventType.Replaced, OrderId = 2, LeavesQuantity = 4 }, 7);
        Assert.Equal(2, owners.Count);
        owners.Observe(new EngineEvent { Type = EventType.Cancelled, OrderId = 2 }, OrderOwnerTable.NoSession);
        owners.Observe(new EngineEvent { Type = EventType.Expired, OrderId = 4 }, OrderOwnerTable.NoSession);
        Assert.Equal(0, owners.Count);
    }
}
