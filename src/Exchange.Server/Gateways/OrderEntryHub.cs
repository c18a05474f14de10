using Exchange.Core.Commands;
using Exchange.Core.Events;
using Exchange.Core.Matching;
using Exchange.Server.Pipeline;

namespace Exchange.Server.Gateways;

/// <summary>Connects order-entry sessions of every gateway to the exchange: sessions attach when they log in and
/// detach when they leave; their commands go in stamped with their account; every durable event goes back to the
/// session whose command caused it, to the session that entered the order it concerns (so a passive fill reaches
/// the resting order's session) and to the account's drop-copy sessions — the way venues route execution reports.
/// Orders are known by their entering session's stable id (<see cref="IOrderEntrySession.EntrySession"/>), which
/// the engine keeps, so this holds across reconnects and restarts. An order entered by no session (through the REST
/// API, by an operator) goes to the drop copies only; one whose entering session is not attached, or not known
/// (entered on no session before a restart, or before orders kept their session), to every session of its account.
/// Rejects and mass-cancel summaries go to the submitter only; market-wide events (status, instruments) to no
/// session. Thread-safe: attach/detach take a lock and publish a new routing table; routing (responder threads, one per shard, each with its own
/// <see cref="OrderOwnerTable"/>) and submitting (gateway threads) read it without locks.</summary>
public sealed class OrderEntryHub : IShardAttachedListener
{
    /// <summary>Session ids of gateways start here, clear of the in-process clients' small ids.</summary>
    public const long FirstSessionId = 1L << 32;

    /// <summary>Sessions that asked to be flushed at the end of the current batch of this responder thread.</summary>
    [ThreadStatic]
    private static List<IOrderEntrySession>? t_flushAtBatchEnd;

    private readonly Lock _writeLock = new();
    private RoutingTable _routes = RoutingTable.Empty;
    private long _nextSessionId = FirstSessionId;
    private ExchangeNode? _node;
    private long _cancelCorrelation;

    /// <summary>The exchange the hub submits to; set once it has started (the hub is one of its listeners).</summary>
    public ExchangeNode Node
    {
        get => _node ?? throw new InvalidOperationException("The hub is not connected to an exchange yet.");
        set => _node = value;
    }

    /// <summary>Optional admission check before the ring (e.g. order-entry rate limits); false refuses the command
    /// with <see cref="SubmitOutcome.RateLimited"/>. Called on the submitting gateway thread.</summary>
    public Func<IOrderEntrySession, Command, bool>? Admit { get; set; }

    /// <summary>The session id the hub's own commands (cancel-on-disconnect) carry; no session answers to it.</summary>
    public long HubSessionId { get; } = FirstSessionId - 1;

    public int AttachedCount => Volatile.Read(ref _routes).BySession.Count;

    public long NewSessionId() => Interlocked.Increment(ref _nextSessionId);

    /// <summary>Starts routing events to the session. Its id must be unique among attached sessions.</summary>
    public void Attach(IOrderEntrySession session)
    {
        lock (_writeLock)
        {
            Volatile.Write(ref _routes, _routes.With(session));
        }
    }

    /// <summary>Stops routing to the session. With <paramref name="cancelOrders"/> (cancel-on-disconnect) the
    /// working orders the session entered are cancelled by one journaled mass cancel (<see cref="SessionMassCancel"/>);
    /// those its account entered through other sessions stay.</summary>
    public void Detach(IOrderEntrySession session, bool cancelOrders)
    {
        lock (_writeLock)
        {
            Volatile.Write(ref _routes, _routes.Without(session));
        }
        if (cancelOrders)
        {
            EnterMassCancel(SessionMassCancel(session));
        }
    }

    /// <summary>The engine command that cancels every working order the session entered (in any instrument, also
    /// those entered before a reconnect or a restart: the session's <see cref="IOrderEntrySession.EntrySession"/> is
    /// stable). A session without an id cancels its whole account's orders instead.</summary>
    public static Command SessionMassCancel(IOrderEntrySession session) =>
        new() { Type = CommandType.MassCancel, Account = session.Account, EntrySession = session.EntrySession };

    private void EnterMassCancel(in Command massCancel)
    {
        if (_node is null)
        {
            return;
        }
        long correlation = Interlocked.Increment(ref _cancelCorrelation);
        var spin = new SpinWait();
        // A disconnect or a kill must not lose the cancel to a momentarily full ring; both are rare, so waiting is fine.
        while (_node.TrySubmit(in massCancel, HubSessionId, correlation) == 0 && _node.Fault is null)
        {
            spin.SpinOnce();
        }
    }

    /// <summary>The operator's kill switch for one session: from now on everything the session submits is refused
    /// with <see cref="SubmitOutcome.SessionBlocked"/> (until <see cref="ReleaseSession"/>), and, with
    /// <paramref name="cancelOrders"/>, the working orders it entered are cancelled by one journaled mass cancel
    /// (the account's orders entered through its other sessions stay; to stop an account everywhere and durably,
    /// use the engine's account kill switch, docs/risk.md). The block lives in this process: a restart releases it.</summary>
    public void KillSession(long sessionId, bool cancelOrders)
    {
        lock (_writeLock)
        {
            Volatile.Write(ref _routes, _routes.WithBlocked(sessionId, blocked: true));
        }
        if (cancelOrders && Volatile.Read(ref _routes).BySession.TryGetValue(sessionId, out var session))
        {
            EnterMassCancel(SessionMassCancel(session));
        }
    }

    /// <summary>Lifts <see cref="KillSession"/>.</summary>
    public void ReleaseSession(long sessionId)
    {
        lock (_writeLock)
        {
            Volatile.Write(ref _routes, _routes.WithBlocked(sessionId, blocked: false));
        }
    }

    /// <summary>Enters a command for the session: its account is stamped on it (a session can only act for its
    /// own account), and on a new order its <see cref="IOrderEntrySession.EntrySession"/>; then it goes to its
    /// instrument's shard. Never blocks.</summary>
    public SubmitOutcome TrySubmit(IOrderEntrySession session, Command command, long correlationId)
    {
        var routes = Volatile.Read(ref _routes);
        if (!routes.BySession.ContainsKey(session.SessionId))
        {
            return SubmitOutcome.NotAttached;
        }
        if (routes.Blocked.Count > 0 && routes.Blocked.Contains(session.SessionId))
        {
            return SubmitOutcome.SessionBlocked;
        }
        command.Account = session.Account;
        if (command.Type == CommandType.NewOrder)
        {
            command.EntrySession = session.EntrySession;
        }
        if (Admit is { } admit && !admit(session, command))
        {
            return SubmitOutcome.RateLimited;
        }
        return Node.TrySubmit(in command, session.SessionId, correlationId) > 0 ? SubmitOutcome.Submitted : SubmitOutcome.Busy;
    }

    /// <summary>Routes one shard's events with that shard's <see cref="OrderOwnerTable"/>; <see cref="ShardNode"/>
    /// calls this once per shard before its pipeline runs.</summary>
    public IEventListener Attach(int shard, MatchingEngine engine) => new ShardRoutes(this, new OrderOwnerTable(engine.GetOrderEntrySessions()));

    /// <summary>Not used: each shard routes through the listener <see cref="Attach(int, MatchingEngine)"/> gave it.</summary>
    public void OnEvent(in OutboundSlot slot) => throw new InvalidOperationException("Attach the hub to a shard first.");

    private void Route(in OutboundSlot slot, OrderOwnerTable owners)
    {
        var routes = Volatile.Read(ref _routes);
        routes.BySession.TryGetValue(slot.SessionId, out var submitter);
        submitter?.OnExchangeEvent(in slot, ownCommand: true);

        ref readonly var e = ref slot.Event;
        switch (e.Type)
        {
            case EventType.Accepted:
                // A new order belongs to its submitter; one entered by anything but a session (the REST API, an
                // operator) belongs to none, and only the account's drop copies hear of it.
                Notify(routes, new Recipients(e.Account, submitter, Everyone: false), submitter, in slot, alreadyTold: null);
                break;
            case EventType.Cancelled or EventType.Replaced or EventType.Expired or EventType.Triggered or EventType.Replenished
                or EventType.Reduced:
                Notify(routes, RecipientsOf(routes, owners, e.Account, e.OrderId), submitter, in slot, alreadyTold: null);
                break;
            case EventType.Trade:
                var taker = RecipientsOf(routes, owners, e.Account, e.OrderId);
                Notify(routes, taker, submitter, in slot, alreadyTold: null);
                // The resting order's side: its owner and drop copies, unless the taker's side already told them.
                Notify(routes, RecipientsOf(routes, owners, e.MakerAccount, e.MakerOrderId), submitter, in slot, alreadyTold: taker);
                break;
        }
        owners.Observe(in e, submitter is null ? OrderOwnerTable.NoSession : OwnerKey(submitter));
    }

    /// <summary>Who hears of an order's events: the attached session that entered it and the account's drop copies;
    /// only the drop copies if no session entered it; every session of the account if the order is not in the table
    /// (entered on no session before a restart) or its session is not attached, so that no fill goes unreported.</summary>
    private static Recipients RecipientsOf(RoutingTable routes, OrderOwnerTable owners, long account, long orderId)
    {
        if (!owners.TryGetOwner(orderId, out long ownerKey))
        {
            return new Recipients(account, null, Everyone: true);
        }
        if (ownerKey == OrderOwnerTable.NoSession)
        {
            return new Recipients(account, null, Everyone: false);
        }
        return routes.ByOwnerKey.TryGetValue(ownerKey, out var owner)
            ? new Recipients(account, owner, Everyone: false)
            : new Recipients(account, null, Everyone: true);
    }

    /// <summary>What the owner table records for a session's orders: its stable entry session, which the engine keeps
    /// with each order (so a restart's seed and a reconnected session find them); a session without one (0) is told
    /// apart by its hub id for as long as the process lives.</summary>
    private static long OwnerKey(IOrderEntrySession session) => session.EntrySession != 0 ? session.EntrySession : session.SessionId;

    /// <summary>Called by a session from <see cref="IOrderEntrySession.OnExchangeEvent"/> (on a responder thread):
    /// call its <see cref="IOrderEntrySession.OnBatchEnd"/> when this responder's batch ends. Ask once per batch.</summary>
    public static void FlushAtBatchEnd(IOrderEntrySession session) => (t_flushAtBatchEnd ??= new List<IOrderEntrySession>(64)).Add(session);

    /// <summary>The responder's batch ended: the sessions that asked send what it gave them, one write each.</summary>
    public void OnBatchEnd()
    {
        var sessions = t_flushAtBatchEnd;
        if (sessions is null || sessions.Count == 0)
        {
            return;
        }
        foreach (var session in sessions)
        {
            session.OnBatchEnd();
        }
        sessions.Clear();
    }

    /// <summary>Tells <paramref name="recipients"/> except the submitter (told already) and those in
    /// <paramref name="alreadyTold"/>.</summary>
    private static void Notify(RoutingTable routes, Recipients recipients, IOrderEntrySession? submitter, in OutboundSlot slot,
        Recipients? alreadyTold)
    {
        if (recipients.Account == 0 || !routes.ByAccount.TryGetValue(recipients.Account, out var sessions))
        {
            return;
        }
        foreach (var session in sessions)
        {
            if (!ReferenceEquals(session, submitter) && recipients.Includes(session) && alreadyTold?.Includes(session) != true)
            {
                session.OnExchangeEvent(in slot, ownCommand: false);
            }
        }
    }

    /// <summary>Who receives the reports of an order of <see cref="Account"/>: its owner session and the account's
    /// drop-copy sessions, or, with <see cref="Everyone"/>, every session of the account.</summary>
    private readonly record struct Recipients(long Account, IOrderEntrySession? Owner, bool Everyone)
    {
        public bool Includes(IOrderEntrySession session) =>
            session.Account == Account && (Everyone || ReferenceEquals(session, Owner) || session.DropCopy);
    }

    /// <summary>One shard's view of the hub: the shard's order owners, used only by its responder thread.</summary>
    private sealed class ShardRoutes(OrderEntryHub hub, OrderOwnerTable owners) : IEventListener
    {
        public void OnEvent(in OutboundSlot slot) => hub.Route(in slot, owners);

        public void OnBatchEnd() => hub.OnBatchEnd();
    }

    /// <summary>An immutable routing table, replaced as a whole on attach/detach.</summary>
    private sealed class RoutingTable(Dictionary<long, IOrderEntrySession> bySession, Dictionary<long, IOrderEntrySession> byOwnerKey,
        Dictionary<long, IOrderEntrySession[]> byAccount, HashSet<long> blocked)
    {
        public static readonly RoutingTable Empty = new([], [], [], []);

        public Dictionary<long, IOrderEntrySession> BySession { get; } = bySession;

        /// <summary>Attached sessions by <see cref="OwnerKey"/>.</summary>
        public Dictionary<long, IOrderEntrySession> ByOwnerKey { get; } = byOwnerKey;

        public Dictionary<long, IOrderEntrySession[]> ByAccount { get; } = byAccount;

        /// <summary>Sessions an operator's kill switch blocks (attached or not).</summary>
        public HashSet<long> Blocked { get; } = blocked;

        public RoutingTable WithBlocked(long sessionId, bool blocked)
        {
            var set = new HashSet<long>(Blocked);
            bool changed = blocked ? set.Add(sessionId) : set.Remove(sessionId);
            return changed ? new RoutingTable(BySession, ByOwnerKey, ByAccount, set) : this;
        }

        public RoutingTable With(IOrderEntrySession session)
        {
            if (BySession.ContainsKey(session.SessionId))
            {
                throw new InvalidOperationException($"Session {session.SessionId} is already attached.");
            }
            var bySession = new Dictionary<long, IOrderEntrySession>(BySession) { [session.SessionId] = session };
            var byOwnerKey = new Dictionary<long, IOrderEntrySession>(ByOwnerKey) { [OwnerKey(session)] = session };
            var byAccount = new Dictionary<long, IOrderEntrySession[]>(ByAccount);
            byAccount[session.Account] = byAccount.TryGetValue(session.Account, out var others) ? [.. others, session] : [session];
            return new RoutingTable(bySession, byOwnerKey, byAccount, Blocked);
        }

        public RoutingTable Without(IOrderEntrySession session)
        {
            if (!BySession.ContainsKey(session.SessionId))
            {
                return this;
            }
            var bySession = new Dictionary<long, IOrderEntrySession>(BySession);
            bySession.Remove(session.SessionId);
            var byOwnerKey = new Dictionary<long, IOrderEntrySession>(ByOwnerKey);
            if (byOwnerKey.TryGetValue(OwnerKey(session), out var current) && ReferenceEquals(current, session))
            {
                byOwnerKey.Remove(OwnerKey(session));
            }
            var byAccount = new Dictionary<long, IOrderEntrySession[]>(ByAccount);
            var remaining = byAccount[session.Account].Where(s => !ReferenceEquals(s, session)).ToArray();
            if (remaining.Length == 0)
            {
                byAccount.Remove(session.Account);
            }
            else
            {
                byAccount[session.Account] = remaining;
            }
            return new RoutingTable(bySession, byOwnerKey, byAccount, Blocked);
        }
    }
}
