using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Exchange.Core.Domain;
using Exchange.Core.Events;
using Exchange.Server.Pipeline;

namespace Exchange.Server.Gateways.Fix;

/// <summary>Every account's orders as FIX sees them, kept from the durable event stream: OrdStatus, quantities and the
/// traded notional for AvgPx, for execution reports and OrderStatusRequest. Registered as an event listener before the
/// <see cref="OrderEntryHub"/>, so when a session receives an event the projection already includes it.
/// Thread-safe (one lock; responders of several shards and the gateway's readers use it).
/// Not persisted: after a restart it knows only orders with events since then. An order first seen after a restart
/// by a fill gets its earlier fills priced at that fill's price (<see cref="FixOrderView.AveragePriceApproximate"/>);
/// OrderStatusRequest for an order with no event since the restart answers "unknown order".
/// Finished orders (filled, cancelled, expired) stay queryable until <see cref="MaxFinishedOrders"/> newer ones
/// finished. Only orders entered through FIX sessions (<see cref="TrackSession"/>) are kept, plus, after a restart,
/// orders older than the process that get a fill (they may be FIX orders from before it): an account's orders
/// entered over the binary protocol cost the responder one failed lookup, not a table entry each.</summary>
public sealed class FixOrderProjection : IEventListener
{
    public const int MaxFinishedOrders = 100_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<(long Account, ClientOrderId ClientId), OrderState> _orders = [];
    private readonly Queue<(long Account, ClientOrderId ClientId, long OrderId)> _finished = new();
    private readonly HashSet<long> _fixSessions = [];
    // Per instrument, the first order id accepted since this process started: smaller ids predate it.
    private readonly Dictionary<Symbol, long> _firstNewOrderId = [];

    /// <summary>Keeps the orders this (FIX) session enters from now on.</summary>
    public void TrackSession(long sessionId)
    {
        lock (_lock)
        {
            _fixSessions.Add(sessionId);
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _orders.Count;
            }
        }
    }

    public bool TryGet(long account, ClientOrderId clientId, out FixOrderView view)
    {
        lock (_lock)
        {
            bool found = _orders.TryGetValue((account, clientId), out var state);
            view = found ? state.View() : default;
            return found;
        }
    }

    public void OnEvent(in OutboundSlot slot)
    {
        ref readonly var e = ref slot.Event;
        lock (_lock)
        {
            switch (e.Type)
            {
                case EventType.Accepted:
                    _firstNewOrderId.TryAdd(e.Symbol, e.OrderId);
                    if (!_fixSessions.Contains(slot.SessionId))
                    {
                        break;
                    }
                    _orders[(e.Account, e.ClientId)] = new OrderState
                    {
                        OrderId = e.OrderId, ClientId = e.ClientId, Symbol = e.Symbol, Side = e.Side, OrderType = e.OrderType,
                        TimeInForce = e.TimeInForce, Price = e.Price, StopPrice = e.StopPrice, OrderQuantity = e.Quantity,
                        Cum = e.FilledQuantity, Leaves = e.LeavesQuantity, OrdStatus = '0',
                    };
                    break;
                case EventType.Trade:
                    Fill(e.Account, e.ClientId, e.OrderId, e.Symbol, e.Side, e.Price, e.Quantity, e.FilledQuantity, e.LeavesQuantity);
                    Fill(e.MakerAccount, e.MakerClientId, e.MakerOrderId, e.Symbol, e.Side == Side.Buy ? Side.Sell : Side.Buy, e.Price,
                        e.Quantity, e.MakerFilledQuantity, e.MakerLeavesQuantity);
                    break;
                case EventType.Cancelled or EventType.Expired:
                {
                    ref var done = ref Find(in e);
                    if (!Unsafe.IsNullRef(ref done))
                    {
                        done.Leaves = 0;
                        done.OrdStatus = e.Type == EventType.Expired ? 'C' : '4';
                        Finish(e.Account, e.ClientId, done.OrderId);
                    }
                    break;
                }
                case EventType.Replaced:
                    if (_orders.Remove((e.Account, e.OrigClientId), out var replaced))
                    {
                        replaced.ClientId = e.ClientId;
                        replaced.Price = e.Price;
                        replaced.StopPrice = e.StopPrice;
                        replaced.OrderQuantity = e.Quantity;
                        replaced.Leaves = e.LeavesQuantity;
                        replaced.Cum = e.FilledQuantity;
                        replaced.OrdStatus = replaced.Cum > 0 ? '1' : '0';
                        _orders[(e.Account, e.ClientId)] = replaced;
                    }
                    break;
                case EventType.Triggered or EventType.Reduced or EventType.Replenished:
                {
                    ref var changed = ref Find(in e);
                    if (!Unsafe.IsNullRef(ref changed))
                    {
                        changed.Leaves = e.LeavesQuantity;
                        if (e.Type == EventType.Triggered && e.OrderType != 0)
                        {
                            changed.Price = e.Price;
                        }
                    }
                    break;
                }
            }
        }
    }

    private ref OrderState Find(in EngineEvent e) => ref CollectionsMarshal.GetValueRefOrNullRef(_orders, (e.Account, e.ClientId));

    private void Fill(long account, ClientOrderId clientId, long orderId, Symbol symbol, Side side, long price, long quantity, long cum, long leaves)
    {
        if (Unsafe.IsNullRef(ref CollectionsMarshal.GetValueRefOrNullRef(_orders, (account, clientId)))
            && _firstNewOrderId.TryGetValue(symbol, out long firstNew) && orderId >= firstNew)
        {
            return; // entered since the start, not through FIX
        }
        ref var state = ref CollectionsMarshal.GetValueRefOrAddDefault(_orders, (account, clientId), out bool exists);
        if (!exists || state.OrderId != orderId)
        {
            // Not seen since the restart: what was filled before is priced at this fill's price.
            state = new OrderState
            {
                OrderId = orderId, ClientId = clientId, Symbol = symbol, Side = side, OrderType = OrderType.Limit,
                TimeInForce = TimeInForce.Gtc, Price = price, OrderQuantity = cum + leaves,
                Notional = (Int128)price * (cum - quantity), Approximate = cum > quantity,
            };
        }
        state.Cum = cum;
        state.Leaves = leaves;
        state.Notional += (Int128)price * quantity;
        state.OrdStatus = leaves == 0 ? '2' : '1';
        if (leaves == 0)
        {
            Finish(account, clientId, orderId); // last: it may remove entries, which would move the ref
        }
    }

    private void Finish(long account, ClientOrderId clientId, long orderId)
    {
        _finished.Enqueue((account, clientId, orderId));
        while (_finished.Count > MaxFinishedOrders)
        {
            var (oldAccount, oldId, oldOrderId) = _finished.Dequeue();
            // The client id may have been reused by a newer order: remove only the finished one.
            if (_orders.TryGetValue((oldAccount, oldId), out var current) && current.OrderId == oldOrderId)
            {
                _orders.Remove((oldAccount, oldId));
            }
        }
    }

    // A struct held by value in the table: nothing is allocated per order beyond the table's own growth.
    private struct OrderState
    {
        public long OrderId;
        public ClientOrderId ClientId;
        public Symbol Symbol;
        public Side Side;
        public OrderType OrderType;
        public TimeInForce TimeInForce;
        public long Price;
        public long StopPrice;
        public long OrderQuantity;
        public long Cum;
        public long Leaves;
        public Int128 Notional;
        public char OrdStatus;
        public bool Approximate;

        // AvgPx in 10^-8 units, truncated: exact for whole-cent fills of any size up to the 8th decimal.
        public readonly FixOrderView View() => new(OrderId, ClientId, Symbol, Side, OrderType, TimeInForce, Price, StopPrice, OrderQuantity, Cum,
            Leaves, Cum == 0 ? 0 : (long)(Notional / Cum), OrdStatus, Approximate);
    }
}
