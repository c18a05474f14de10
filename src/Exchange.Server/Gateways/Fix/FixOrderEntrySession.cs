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
/// Events arrive on responder threads. One that nothing is queued before is reported right there when that cannot
/// wait (the session is free and its socket has taken everything so far): numbered, stored and sent at the end of the
/// responder's batch, with no thread hand-off. Otherwise it goes into a bounded queue that this session's own task
/// reports from, so the responder never waits for a FIX client. Long-lived: it survives reconnects, like its
/// <see cref="FixSession"/>.</summary>
public sealed partial class FixOrderEntrySession : IFixApplication, IOrderEntrySession
{
    /// <summary>Reports waiting to be written; a client that lets more pile up is logged out.</summary>
    public const int MaxQueuedEvents = 1 << 16;

    private readonly OrderEntryHub _hub;
    private readonly FixOrderProjection _orders;
    private readonly Channel<QueuedEvent> _events;
    private readonly Dictionary<long, FixRequest> _requests = [];
    private readonly Lock _requestsLock = new();
    // Held while reporting (the task's batch, or a responder's direct report): reports are made one at a time.
    private readonly Lock _reportLock = new();
    private readonly Task _pump;
    private readonly Action<string>? _log;
    private FixSession? _session;
    private long _sessionId;
    private long _nextCorrelation;
    private long _gatewayExecId;
    private volatile bool _overflowed;
    // Events queued and not yet reported: a responder reports directly only when it is 0, so nothing overtakes them.
    private int _backlog;
    // 1 while a responder's batch end is due to uncork what direct reports corked.
    private int _uncorkPending;

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
        if (TryReportDirect(in item))
        {
            return;
        }
        Enqueue(in item);
    }

    /// <summary>Reports on the responder thread when nothing is queued before this event and nothing can make it
    /// wait (<see cref="FixSession.TryBeginDirect"/>); the messages stay corked until the responder's batch ends.</summary>
    private bool TryReportDirect(in QueuedEvent item)
    {
        if (Volatile.Read(ref _backlog) != 0 || _session is not { } session || !_reportLock.TryEnter())
        {
            return false;
        }
        try
        {
            // Checked again under the lock: the task may have just taken the last queued event, not yet reported it.
            if (Volatile.Read(ref _backlog) != 0 || !session.TryBeginDirect())
            {
                return false;
            }
            try
            {
                ReportLogged(in item);
            }
            finally
            {
                session.EndDirect();
            }
        }
        finally
        {
            _reportLock.Exit();
        }
        // After the report: a batch end that cleared the flag before it uncorks what this corked, or it is asked again.
        if (Interlocked.Exchange(ref _uncorkPending, 1) == 0)
        {
            OrderEntryHub.FlushAtBatchEnd(this);
        }
        return true;
    }

    /// <summary>The end of a responder batch that reported directly: sends what it corked, or, if that could wait
    /// (the session busy, the socket pushing back), leaves it to the report task, queued behind what is queued.</summary>
    public void OnBatchEnd()
    {
        Interlocked.Exchange(ref _uncorkPending, 0);
        if (_session is { } session && !session.TryUncorkDirect())
        {
            Enqueue(default); // reports nothing; the task's batch uncorks
        }
    }

    private void Enqueue(in QueuedEvent item)
    {
        Interlocked.Increment(ref _backlog);
        if (!_events.Writer.TryWrite(item))
        {
            Interlocked.Decrement(ref _backlog);
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
        int n = 0;
        lock (_reportLock)
        {
            session?.Cork();
            try
            {
                for (; n < MaxReportsPerBatch && reader.TryRead(out var item); n++)
                {
                    ReportLogged(in item);
                }
            }
            finally
            {
                session?.Uncork();
            }
        }
        // Only now, sent and the lock released: a responder that sees no backlog can report directly at once.
        Interlocked.Add(ref _backlog, -n);
    }

    /// <summary>Reports one event; a failure is logged and the next report goes on.</summary>
    private void ReportLogged(in QueuedEvent item)
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

    /// <summary>Events queued for the report task and not yet sent by it (for tests).</summary>
    internal int QueuedReports => Volatile.Read(ref _backlog);

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
