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

    private RecordingSession Attach(long account)
    {
        var session = new RecordingSession(_hub.NewSessionId(), account);
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
        var second = Attach(1);
        _hub.TrySubmit(first, new Command { Type = CommandType.Cancel, Symbol = Symbol.Parse("AAPL"), OrigClientId = ClientOrderId.Parse("nope") }, 3);
        first.WaitFor(r => r.Event.Type == EventType.Rejected);
        _hub.TrySubmit(first, ExchangeNodeTests.Order(0, 5, Side.Buy, "180.00"), 4);
        // The other session of the account sees the accepted order but never the reject.
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
    public void ShouldCancelTheAccountsOrdersOnDisconnectWhenAsked()
    {
        var leaving = Attach(1);
        var watcher = Attach(1);
        _hub.TrySubmit(leaving, ExchangeNodeTests.Order(0, 1, Side.Buy, "180.00"), 1);
        _hub.TrySubmit(leaving, ExchangeNodeTests.Order(0, 2, Side.Sell, "200.00"), 2);
        watcher.WaitFor(r => r.Event.Type == EventType.Accepted && r.Event.ClientId == ClientOrderId.Parse("o2"));

        _hub.Detach(leaving, cancelOrders: true);
        watcher.WaitFor(r => r.Event.Type == EventType.Cancelled && r.Event.ClientId == ClientOrderId.Parse("o1"));
        watcher.WaitFor(r => r.Event.Type == EventType.Cancelled && r.Event.ClientId == ClientOrderId.Parse("o2"));
        Assert.Equal(SubmitOutcome.NotAttached, _hub.TrySubmit(leaving, ExchangeNodeTests.Order(0, 3, Side.Buy, "180.00"), 3));
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
    public void ShouldBlockAKilledSessionAndCancelItsAccountsOrdersUntilReleased()
    {
        var killed = Attach(1);
        var other = Attach(2);
        _hub.TrySubmit(killed, ExchangeNodeTests.Order(0, 1, Side.Buy, "180.00"), 1);
        _hub.TrySubmit(other, ExchangeNodeTests.Order(0, 2, Side.Buy, "181.00"), 1);
        killed.WaitFor(r => r.Event.Type == EventType.Accepted);
        other.WaitFor(r => r.Event.Type == EventType.Accepted);

        _hub.KillSession(killed.SessionId, cancelOrders: true);
        killed.WaitFor(r => r.Event.Type == EventType.Cancelled && r.Event.ClientId == ClientOrderId.Parse("o1"));
        Assert.Equal(SubmitOutcome.SessionBlocked, _hub.TrySubmit(killed, ExchangeNodeTests.Order(0, 3, Side.Buy, "180.00"), 2));
        Assert.Equal(SubmitOutcome.Submitted, _hub.TrySubmit(other, ExchangeNodeTests.Order(0, 4, Side.Buy, "180.00"), 2));
        Assert.DoesNotContain(other.Received, r => r.Event.Type == EventType.Cancelled);

        _hub.ReleaseSession(killed.SessionId);
        Assert.Equal(SubmitOutcome.Submitted, _hub.TrySubmit(killed, ExchangeNodeTests.Order(0, 5, Side.Buy, "180.00"), 3));
    }
}
