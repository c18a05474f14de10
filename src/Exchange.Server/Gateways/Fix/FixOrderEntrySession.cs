using System.Threading.Channels;
using Exchange.Core.Commands;
using Exchange.Core.Events;
using Exchange.Fix.Codec;
using Exchange.Fix.Session;
using Exchange.Server.Configuration;
using Exchange.Server.Pipeline;

namespace Exchange.Server.Gateways.Fix;

/// <summary>The exchange side of one FIX session: turns D/F/G/q/H into engine commands through the
/// <see cref="OrderEntryHub"/> (attached there for the gateway's life, trading for its one account), and the durable
/// events the hub delivers into ExecutionReports, OrderCancelRejects and OrderMassCancelReports.
/// Events arrive on responder threads and only go into a bounded queue; this session's own task writes them, so
/// the engine never waits for a FIX client. Long-lived: it survives reconnects, like its <see cref="FixSession"/>.</summary>
public sealed partial class FixOrderEntrySession : IFixApplication, IOrderEntrySession
{
    /// <summary>Reports waiting to be written; a client that lets more pile up is logged out.</summary>
    public const int MaxQueuedEvents = 1 << 16;

    private readonly OrderEntryHub _hub;
    private readonly FixOrderProjection _orders;
    private readonly Channel<QueuedEvent> _events;
    private readonly Dictionary<long, FixRequest> _requests = [];
    private readonly Lock _requestsLock = new();
    private readonly Task _pump;
    private readonly Action<string>? _log;
    private FixSession? _session;
    private long _sessionId;
    private long _nextCorrelation;
    private long _gatewayExecId;
    private volatile bool _overflowed;

    public FixOrderEntrySession(OrderEntryHub hub, FixOrderProjection orders, AccountConfig account, bool cancelOnDisconnect, Action<string>? log = null)
    {
        _hub = hub;
        _orders = orders;
        AccountName = account.Name;
        Account = account.Id;
        CancelOnDisconnect = cancelOnDisconnect;
        _log = log;
        // Gateway-made ids (ExecID S-n / R-n, the mass cancel report's OrderID) must not repeat after a restart:
        // counters start at the start time in microseconds-like units (Unix ms x 1000).
        _nextCorrelation = _gatewayExecId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        _events = Channel.CreateBounded<QueuedEvent>(new BoundedChannelOptions(MaxQueuedEvents)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _pump = Task.Run(PumpAsync);
    }

    public long SessionId => Volatile.Read(ref _sessionId);

    public long Account { get; }

    public string AccountName { get; }

    public bool CancelOnDisconnect { get; }

    /// <summary>Stamped on the orders this session enters (<see cref="EntrySessionId.ForFix"/>).</summary>
    public long EntrySession { get; init; }

    /// <summary>Receives the reports of every order of the account, not only of those this session entered.</summary>
    public bool DropCopy { get; init; }

    /// <summary>The FIX session this application serves; set once before it accepts connections.</summary>
    public FixSession Session
    {
        get => _session ?? throw new InvalidOperationException("No FIX session bound.");
        set => _session = value;
    }

    /// <summary>Starts receiving the account's events. A FIX session is attached for the life of the gateway, not
    /// only while logged on: reports of what happens while the client is away (a passive fill, an expiry) are
    /// numbered and stored like any other and reach the client by its ResendRequest after the next Logon.</summary>
    public void Attach()
    {
        Volatile.Write(ref _sessionId, _hub.NewSessionId());
        _orders.TrackSession(_sessionId);
        _hub.Attach(this);
    }

    public string? OnLogon(FixSession session)
    {
        _overflowed = false;
        return null;
    }

    public void OnLogout(FixSession session, bool graceful)
    {
        // Cancel-on-disconnect is for involuntary disconnects; a Logout is the client's deliberate goodbye.
        if (!CancelOnDisconnect || graceful)
        {
            return;
        }
        _log?.Invoke($"fix {AccountName}: disconnected; cancelling the session's orders (cancel-on-disconnect)");
        var massCancel = OrderEntryHub.SessionMassCancel(this);
        var spin = new SpinWait();
        // Rare and must not be lost to a momentarily full ring: wait for room (bounded).
        long deadline = Environment.TickCount64 + 5_000;
        while (_hub.TrySubmit(this, massCancel, NextCorrelation()) == SubmitOutcome.Busy && Environment.TickCount64 < deadline)
        {
            spin.SpinOnce();
        }
    }

    public void OnExchangeEvent(in OutboundSlot slot, bool ownCommand)
    {
        ref readonly var e = ref slot.Event;
        var item = new QueuedEvent { Event = e, Own = ownCommand, Correlation = slot.CorrelationId, Last = slot.LastOfCommand };
        // The projection already includes this event (it listens before the hub): its AvgPx is this event's.
        if (e.Type is EventType.Trade)
        {
            if (e.Account == Account && _orders.TryGet(Account, e.ClientId, out var taker))
            {
                item.Taker = taker;
            }
            if (e.MakerAccount == Account && _orders.TryGet(Account, e.MakerClientId, out var maker))
            {
                item.Maker = maker;
            }
        }
        else if (e.Account == Account && !e.ClientId.IsEmpty && _orders.TryGet(Account, e.ClientId, out var order))
        {
            item.Taker = order;
        }
        if (!_events.Writer.TryWrite(item))
        {
            _overflowed = true; // the pump logs the client out; it is not keeping up
        }
    }

    /// <summary>Stops the report task (after the acceptor stopped); reports still queued are written first.</summary>
    public Task StopAsync()
    {
        _hub.Detach(this, cancelOrders: false);
        _events.Writer.TryComplete();
        return _pump;
    }

    private const int MaxReportsPerBatch = 64;

    private async Task PumpAsync()
    {
        var reader = _events.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            ReportBatch(reader);
            if (_overflowed && _session is { IsLoggedOn: true } session)
            {
                _overflowed = false;
                _log?.Invoke($"fix {AccountName}: more than {MaxQueuedEvents} reports queued; logging out");
                session.Logout("too many reports queued");
            }
        }
    }

    /// <summary>Reports up to <see cref="MaxReportsPerBatch"/> queued events as one batch: one store write and one socket
    /// write for all of them; the bound lets a steady stream still go out every few dozen reports.</summary>
    private void ReportBatch(ChannelReader<QueuedEvent> reader)
    {
        var session = _session;
        session?.Cork();
        try
        {
            for (int n = 0; n < MaxReportsPerBatch && reader.TryRead(out var item); n++)
            {
                try
                {
                    Report(in item);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    _log?.Invoke($"fix {AccountName}: could not report event {item.Event.Type} #{item.Event.Sequence}: {e}");
                }
            }
        }
        finally
        {
            session?.Uncork();
        }
    }

    private long NextCorrelation() => Interlocked.Increment(ref _nextCorrelation);

    private void Remember(long correlation, in FixRequest request)
    {
        lock (_requestsLock)
        {
            _requests[correlation] = request;
        }
    }

    private bool TryRecall(long correlation, out FixRequest request)
    {
        lock (_requestsLock)
        {
            return _requests.TryGetValue(correlation, out request);
        }
    }

    private void Forget(long correlation)
    {
        lock (_requestsLock)
        {
            _requests.Remove(correlation);
        }
    }

    private struct QueuedEvent
    {
        public EngineEvent Event;
        public bool Own;
        public long Correlation;
        public bool Last;
        public FixOrderView? Taker;
        public FixOrderView? Maker;
    }

    private static string Text(FixMessage message, int tag) => message.TryGetString(tag, out var text) ? text ?? "" : "";
}
