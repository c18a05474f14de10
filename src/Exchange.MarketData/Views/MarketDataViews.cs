using Exchange.Core.Domain;
using Exchange.Core.Events;

namespace Exchange.MarketData.Views;

/// <summary>Builds the public views of every instrument from the engine's event stream (plus a <see cref="ShardSeed"/>
/// per shard at start) — nothing else, so a separate market-data server fed by a message bus could run it too.
/// Single-threaded: the market-data thread owns it.</summary>
/// <remarks>The engine reports no "order rests" event: an incoming order (accepted, triggered, or re-priced by a
/// replace) trades, may be cancelled, and otherwise rests once its matching is over. The views keep such orders
/// as <see cref="OrderPlace.Incoming"/>, in the order they started matching, and put them in the book (with their
/// visible slice) when a later incoming order trades, when one of them is met as a maker, or at the end of the
/// command — which is exactly when the engine has rested them. Stop orders are invisible until triggered.</remarks>
public sealed partial class MarketDataViews
{
    private readonly Dictionary<Symbol, InstrumentView> _bySymbol = [];
    private readonly List<InstrumentView> _instruments = [];
    private readonly Dictionary<long, OrderState> _orders = [];
    /// <summary>States of orders that are gone, for reuse: one per order was most of the views' garbage.</summary>
    private readonly Stack<OrderState> _freeOrders = new();
    private readonly Dictionary<int, ShardState> _shards = [];
    private readonly int _tapeCapacity;
    private readonly int _barCapacity;

    private readonly IReadOnlyDictionary<Symbol, (long TickSize, long LotSize)> _rules;

    /// <param name="observer">Told of every change as it is applied (the binary feed).</param>
    /// <param name="tapeCapacity">Trades kept per instrument.</param>
    /// <param name="barCapacity">Bars kept per instrument and interval.</param>
    /// <param name="rules">Tick and lot size of instruments the configuration declares: the InstrumentAdded event does
    /// not carry them (instruments in a shard's start state bring their own).</param>
    public MarketDataViews(IMarketDataObserver? observer = null, int tapeCapacity = 1000, int barCapacity = 3600,
        IReadOnlyDictionary<Symbol, (long TickSize, long LotSize)>? rules = null)
    {
        _rules = rules ?? new Dictionary<Symbol, (long, long)>();
        Observer = observer;
        _tapeCapacity = tapeCapacity;
        _barCapacity = barCapacity;
    }

    public IMarketDataObserver? Observer { get; set; }

    public IReadOnlyList<InstrumentView> Instruments => _instruments;

    /// <summary>Sequence gaps seen in any shard's event stream since start (events lost before they reached the
    /// views: every view of that shard may be wrong from then on).</summary>
    public long Gaps { get; private set; }

    /// <summary>Events that did not fit the views (e.g. a trade against an order not in the public book): 0 unless
    /// the views are wrong.</summary>
    public long Inconsistencies { get; private set; }

    public bool TryGet(Symbol symbol, out InstrumentView view) => _bySymbol.TryGetValue(symbol, out view!);

    public bool TryGet(string symbol, out InstrumentView view)
    {
        view = null!;
        return Symbol.TryParse(symbol, out var s) && _bySymbol.TryGetValue(s, out view!);
    }

    /// <summary>True if a shard's stream had a gap: its instruments' views cannot be trusted.</summary>
    public bool IsStale(int shard) => _shards.TryGetValue(shard, out var s) && s.Stale;

    /// <summary>True while a shard is inside a command (its instruments may show an intermediate state).</summary>
    public bool IsMidCommand(int shard) => _shards.TryGetValue(shard, out var s) && s.MidCommand;

    /// <summary>Loads a shard's state at start; its events must follow from <see cref="ShardSeed.EngineSequence"/> + 1.</summary>
    public void Seed(ShardSeed seed)
    {
        bool known = _shards.ContainsKey(seed.Shard);
        var shard = Shard(seed.Shard);
        if (known || seed.Instruments.Any(i => _bySymbol.ContainsKey(i.Symbol)))
        {
            // A second start of a shard into the same views: they cannot be rebuilt in place (clients hold the old state).
            shard.Stale = true;
            Gaps++;
            return;
        }
        shard.LastSequence = seed.EngineSequence;
        foreach (var i in seed.Instruments)
        {
            var view = AddInstrument(i.Symbol, seed.Shard, i.ReferencePrice, 0);
            view.TickSize = i.TickSize;
            view.LotSize = i.LotSize;
            view.Status = i.Status;
            view.Statistics.Last = i.LastTradePrice;
            Observer?.OnStatus(view, 0);
            foreach (var o in i.Orders)
            {
                long id = PublicOrderId.Of(seed.Shard, o.OrderId);
                var state = NewOrder(id, o.Side, o.Price, o.LeavesQuantity, o.DisplayQuantity);
                state.Visible = o.VisibleQuantity;
                state.Place = OrderPlace.Resting;
                _orders[id] = state;
                if (o.VisibleQuantity > 0)
                {
                    Rest(view, shard, state, o.VisibleQuantity, 0);
                }
                else
                {
                    state.Place = OrderPlace.AwaitingSlice;
                }
            }
        }
    }

    /// <summary>Applies one engine event of <paramref name="shard"/>. <paramref name="lastOfCommand"/> marks the last
    /// event of a command (the pipeline's command boundary).</summary>
    public void Apply(int shard, in EngineEvent e, bool lastOfCommand)
    {
        var state = Shard(shard);
        if (e.Type != 0)
        {
            if (e.Sequence != state.LastSequence + 1)
            {
                Gaps++;
                state.Stale = true;
                foreach (var view in _instruments)
                {
                    if (view.Shard == shard)
                    {
                        view.PendingStatus = true; // the status channel reports it
                    }
                }
            }
            state.LastSequence = e.Sequence;
            state.MidCommand = true;
            ApplyEvent(shard, state, in e);
        }
        if (lastOfCommand)
        {
            EndCommand(state, e.Timestamp);
        }
    }

    private void ApplyEvent(int shard, ShardState shardState, in EngineEvent e)
    {
        if (e.Type == EventType.InstrumentAdded)
        {
            if (!_bySymbol.ContainsKey(e.Symbol))
            {
                AddInstrument(e.Symbol, shard, e.Price, e.Timestamp);
            }
            return;
        }
        if (e.Symbol.IsEmpty || !_bySymbol.TryGetValue(e.Symbol, out var view))
        {
            return; // rejects of unknown symbols, mass-cancel summaries by account
        }
        view.LastTimestamp = e.Timestamp;
        long id = PublicOrderId.Of(shard, e.OrderId);
        switch (e.Type)
        {
            case EventType.StatusChanged:
                view.Status = e.Status;
                view.PendingStatus = true;
                Observer?.OnStatus(view, e.Timestamp);
                break;
            case EventType.Accepted:
                if (e.OrderType is OrderType.Limit or OrderType.Market)
                {
                    StartIncoming(view, shardState, NewOrder(id, e.Side, e.Price, e.LeavesQuantity, e.DisplayQuantity));
                }
                break;
            case EventType.Triggered:
                // As triggered it is still shown as a stop; from now on it is a market (price 0) or limit order.
                StartIncoming(view, shardState, NewOrder(id, e.Side, e.OrderType == OrderType.Stop ? 0 : e.Price, e.LeavesQuantity, e.DisplayQuantity));
                break;
            case EventType.Trade:
                OnTrade(view, shardState, id, PublicOrderId.Of(shard, e.MakerOrderId), in e);
                break;
            case EventType.Cancelled:
            case EventType.Expired:
                Remove(view, shardState, id, e.Timestamp);
                break;
            case EventType.Replaced:
                OnReplaced(view, shardState, id, in e);
                break;
            case EventType.Replenished:
                OnReplenished(view, shardState, id, in e);
                break;
            case EventType.Reduced:
                OnReduced(view, shardState, id, in e);
                break;
        }
    }

    private InstrumentView AddInstrument(Symbol symbol, int shard, long referencePrice, long timestamp)
    {
        var view = new InstrumentView(symbol, shard, (ushort)(_instruments.Count + 1), referencePrice, _tapeCapacity, _barCapacity);
        if (_rules.TryGetValue(symbol, out var rules))
        {
            view.TickSize = rules.TickSize;
            view.LotSize = rules.LotSize;
        }
        _bySymbol.Add(symbol, view);
        _instruments.Add(view);
        view.PendingStatus = true;
        Observer?.OnInstrument(view, timestamp);
        return view;
    }

    private ShardState Shard(int shard)
    {
        if (!_shards.TryGetValue(shard, out var state))
        {
            state = new ShardState();
            _shards.Add(shard, state);
        }
        return state;
    }

    private sealed class ShardState
    {
        public long LastSequence;
        public bool Stale;
        public bool MidCommand;

        /// <summary>Orders matching as incoming orders, in the order they started; with their instrument.</summary>
        public readonly List<(InstrumentView View, OrderState Order)> Incoming = [];

        /// <summary>Orders gone during the current command: <see cref="Incoming"/> may still hold them, so their states
        /// are reused only once the command is over.</summary>
        public readonly List<OrderState> Gone = [];
    }
}
