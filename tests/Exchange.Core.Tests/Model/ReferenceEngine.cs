using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Events;
using Exchange.Core.Matching;

namespace Exchange.Core.Tests.Model;

/// <summary>A deliberately simple, slow implementation of docs/matching-rules.md used as the oracle for
/// <see cref="MatchingEngine"/>: plain lists, linear scans, one method per rule. Clarity over speed.
/// Event field choices live in <see cref="ReferenceEvents"/>.</summary>
internal sealed partial class ReferenceEngine
{
    private readonly List<ReferenceInstrument> _instruments = [];

    // Live orders (resting or untriggered stops) by account and client id; kept in step with the books by
    // AddLive/RemoveLive only, so lookups need not scan every book.
    private readonly Dictionary<(long Account, ClientOrderId ClientId), ReferenceOrder> _liveByClientId = [];

    private readonly List<EngineEvent> _events = [];
    private long _nextOrderId = 1;
    private long _nextTradeId = 1;
    private long _nextPriority = 1;
    private long _now;

    /// <summary>Sequence number of the last event produced (0 before any).</summary>
    public long Sequence { get; private set; }

    /// <summary>Number of live orders (resting and untriggered stops).</summary>
    public int LiveOrderCount => _liveByClientId.Count;

    public IEnumerable<Symbol> Symbols => _instruments.Select(i => i.Symbol);

    /// <summary>Applies one command and returns its events (the list is reused by the next call).</summary>
    public IReadOnlyList<EngineEvent> Process(in Command command)
    {
        _events.Clear();
        // Engine time never goes backwards: an earlier-stamped command runs at the previous command's time.
        _now = Math.Max(_now, command.Timestamp);
        ExpireGoodTillDateOrders();
        switch (command.Type)
        {
            case CommandType.AddInstrument:
                AddInstrument(command);
                break;
            case CommandType.NewOrder:
                NewOrder(command);
                break;
            case CommandType.Cancel:
                CancelOrder(command);
                break;
            case CommandType.Replace:
                ReplaceOrder(command);
                break;
            case CommandType.MassCancel:
                MassCancel(command);
                break;
            case CommandType.SetStatus:
                SetStatus(command);
                break;
            case CommandType.EndOfDay:
                EndOfDay(command);
                break;
            case CommandType.AdvanceTime:
                break;
            default:
                Emit(ReferenceEvents.Rejected(command, RejectReason.UnknownCommand));
                break;
        }
        return _events;
    }

    /// <summary>The same shape as <see cref="MatchingEngine.GetBookSnapshot"/>.</summary>
    public BookSnapshot GetBookSnapshot(Symbol symbol)
    {
        var instrument = FindInstrument(symbol) ?? throw new ArgumentException($"Unknown symbol {symbol}", nameof(symbol));
        return new BookSnapshot(
            instrument.Symbol,
            instrument.Status,
            instrument.LastTradePrice,
            instrument.Bids.Select(ToRestingOrder).ToList(),
            instrument.Asks.Select(ToRestingOrder).ToList(),
            instrument.BuyStopsInTriggerOrder().Select(ToRestingOrder).ToList(),
            instrument.SellStopsInTriggerOrder().Select(ToRestingOrder).ToList());
    }

    private static RestingOrder ToRestingOrder(ReferenceOrder o) => new(
        o.OrderId, o.Account, o.ClientId, o.Side, o.Type, o.TimeInForce, o.Price, o.StopPrice, o.Quantity,
        o.Visible, o.Hidden, o.Filled, o.DisplayQuantity, o.ExpireTime, o.Flags, o.SelfTradePrevention,
        o.OcoPartner?.OrderId ?? 0);

    private void Emit(EngineEvent e)
    {
        e.Sequence = ++Sequence;
        e.Timestamp = _now;
        _events.Add(e);
    }

    private ReferenceInstrument? FindInstrument(Symbol symbol) => _instruments.Find(i => i.Symbol == symbol);

    private void AddInstrument(in Command c)
    {
        bool invalid = c.Symbol.IsEmpty || FindInstrument(c.Symbol) != null
            || c.TickSize <= 0 || c.LotSize <= 0
            || c.MinQuantity < c.LotSize || c.MaxQuantity < c.MinQuantity
            || c.MinQuantity % c.LotSize != 0 || c.MaxQuantity % c.LotSize != 0
            || c.Price < 0 || c.Price % c.TickSize != 0
            || c.CollarBasisPoints < 0;
        if (invalid)
        {
            Emit(ReferenceEvents.Rejected(c, RejectReason.InvalidInstrument));
            return;
        }
        _instruments.Add(new ReferenceInstrument
        {
            Symbol = c.Symbol,
            TickSize = c.TickSize,
            LotSize = c.LotSize,
            MinQuantity = c.MinQuantity,
            MaxQuantity = c.MaxQuantity,
            ReferencePrice = c.Price,
            CollarBasisPoints = c.CollarBasisPoints,
        });
        Emit(ReferenceEvents.InstrumentAdded(c.Symbol, c.Price));
    }

    private void SetStatus(in Command c)
    {
        var instrument = FindInstrument(c.Symbol);
        if (instrument == null)
        {
            Emit(ReferenceEvents.Rejected(c, RejectReason.UnknownSymbol));
            return;
        }
        if (c.Status is not (TradingStatus.Open or TradingStatus.Halted or TradingStatus.Closed))
        {
            Emit(ReferenceEvents.Rejected(c, RejectReason.InvalidOrder));
            return;
        }
        instrument.Status = c.Status;
        Emit(ReferenceEvents.StatusChanged(instrument.Symbol, c.Status));
    }

    private void EndOfDay(in Command c)
    {
        List<ReferenceInstrument> scope;
        if (c.Symbol.IsEmpty)
        {
            scope = _instruments;
        }
        else
        {
            var instrument = FindInstrument(c.Symbol);
            if (instrument == null)
            {
                Emit(ReferenceEvents.Rejected(c, RejectReason.UnknownSymbol));
                return;
            }
            scope = [instrument];
        }
        foreach (var instrument in scope)
        {
            var dayOrders = instrument.LiveOrders().Where(o => o.TimeInForce == TimeInForce.Day).OrderBy(o => o.OrderId).ToList();
            foreach (var order in dayOrders)
            {
                // An earlier expiry may have cancelled this one as its OCO partner.
                if (order.IsLive)
                {
                    Remove(order, EventType.Expired, CancelReason.EndOfDay);
                }
            }
        }
    }

    private void ExpireGoodTillDateOrders()
    {
        var due = _instruments.SelectMany(i => i.LiveOrders())
            .Where(o => o.TimeInForce == TimeInForce.Gtd && o.ExpireTime <= _now)
            .OrderBy(o => o.ExpireTime).ThenBy(o => o.OrderId).ToList();
        foreach (var order in due)
        {
            if (order.IsLive)
            {
                Remove(order, EventType.Expired, CancelReason.Expired);
            }
        }
    }

    private ReferenceOrder? FindLive(long account, ClientOrderId clientId) =>
        _liveByClientId.GetValueOrDefault((account, clientId));

    private void AddLive(ReferenceOrder order) => _liveByClientId.Add((order.Account, order.ClientId), order);

    private void RemoveLive(ReferenceOrder order)
    {
        if (!_liveByClientId.Remove((order.Account, order.ClientId)))
        {
            throw new InvalidOperationException($"Order {order.OrderId} was not in the live index");
        }
    }
}
