using Exchange.Core.Domain;
using Exchange.Core.Events;
using Exchange.Core.Risk;

namespace Exchange.Core.Matching;

// Circuit breakers (risk on): Limit Up-Limit Down price bands and their limit state and pause, the short-term move
// levels, volume spike and imbalance alerts, and the timers that end pauses. Everything runs on engine time.
// Rules: docs/risk.md.
public sealed partial class MatchingEngine
{
    /// <summary>How long a book may stay at a band edge before the trading pause.</summary>
    public const long LimitStateNanos = 15_000_000_000;

    /// <summary>Length of a circuit-breaker trading pause.</summary>
    public const long PauseNanos = 300_000_000_000;

    private const int ImbalanceLevels = 5;

    /// <summary>Earliest engine time at which a limit state or a pause may expire (long.MaxValue: none pending).</summary>
    private long _nextBreakerDeadline = long.MaxValue;

    /// <summary>The book the current command worked on, to evaluate afterwards; <see cref="_touchAll"/>: every book.</summary>
    private OrderBook? _touched;
    private bool _touchAll;

    /// <summary>An instrument's price bands as of the last command that evaluated it (0, 0 if it has none: risk off,
    /// bands off or no reference price yet). A query: it changes nothing, so it does not advance the trade window.</summary>
    public (long Lower, long Upper) GetPriceBands(Symbol symbol)
    {
        if (!_risk || !_instrumentBySymbol.TryGetValue(symbol, out int id))
        {
            return (0, 0);
        }
        var risk = _books[id].Risk;
        return risk.HasBands ? (risk.LowerBand, risk.UpperBand) : (0, 0);
    }

    /// <summary>Recomputes the bands if the trade window changed (time passing drops old trades).</summary>
    private void RefreshBands(OrderBook book)
    {
        var risk = book.Risk;
        if (risk.LuldTier == 0)
        {
            return;
        }
        risk.Window.Advance(_now);
        if (risk.BandsVersion == risk.Window.Version)
        {
            return;
        }
        risk.BandsVersion = risk.Window.Version;
        // A pure function of the trades and the time: the mean of the window, else the mean of the last second with
        // trades, else the declared reference price.
        long mean = risk.Window.Count > 0 ? risk.Window.Mean : risk.Window.LastMean;
        risk.Reference = mean > 0 ? mean : book.Instrument.ReferencePrice;
        if (risk.Reference > 0)
        {
            (risk.LowerBand, risk.UpperBand) = PriceBands.For(risk.Reference, (int)risk.LuldTier, book.Instrument.TickSize);
        }
        else
        {
            risk.LowerBand = 0;
            risk.UpperBand = 0;
        }
    }

    /// <summary>After a command: evaluates the circuit breakers of the books it touched.</summary>
    private void AfterCommand()
    {
        if (_touchAll)
        {
            foreach (var book in _books)
            {
                EvaluateBreakers(book);
            }
        }
        else if (_touched is not null && _touched.Risk.HasBreakers)
        {
            EvaluateBreakers(_touched);
        }
        _touched = null;
        _touchAll = false;
    }

    /// <summary>Limit state, move levels, volume spike and imbalance of one open instrument.</summary>
    private void EvaluateBreakers(OrderBook book)
    {
        var risk = book.Risk;
        var instrument = book.Instrument;
        if (instrument.Status != TradingStatus.Open)
        {
            return;
        }
        if (risk.LuldTier > 0)
        {
            RefreshBands(book);
            if (risk.HasBands)
            {
                bool pinned = IsPinned(book);
                if (pinned && risk.LimitStateSince == 0)
                {
                    risk.LimitStateSince = _now;
                    _nextBreakerDeadline = Math.Min(_nextBreakerDeadline, _now + LimitStateNanos);
                    BandAlert(book, AlertKind.LimitStateEntered);
                }
                else if (!pinned && risk.LimitStateSince != 0)
                {
                    risk.LimitStateSince = 0;
                    BandAlert(book, AlertKind.LimitStateExited);
                }
            }
        }
        if (risk.MoveLevelBps > 0)
        {
            risk.Window.Advance(_now);
            if (risk.Window.Count > 0 && EvaluateMove(book))
            {
                return; // paused or halted
            }
        }
        if (risk.VolumeSpikeMultiple > 0)
        {
            risk.Window.Advance(_now);
            long minute = risk.Window.MinuteVolume;
            long before = risk.Window.Volume - minute; // the other four minutes of the window
            bool spike = before > 0 && (Int128)minute * (TradeWindow.Seconds / TradeWindow.MinuteSeconds - 1) > (Int128)before * risk.VolumeSpikeMultiple;
            if (spike && !risk.VolumeSpikeReported)
            {
                InstrumentAlert(book, AlertKind.VolumeSpike).Quantity = minute;
            }
            risk.VolumeSpikeReported = spike;
        }
        if (risk.ImbalancePercent > 0)
        {
            long bids = TopQuantity(book.Bids);
            long asks = TopQuantity(book.Asks);
            long total = bids + asks;
            bool imbalance = total > 0 && Math.Max(bids, asks) * 100 >= total * risk.ImbalancePercent;
            if (imbalance && !risk.ImbalanceReported)
            {
                ref var e = ref InstrumentAlert(book, AlertKind.Imbalance);
                e.Side = bids >= asks ? Side.Buy : Side.Sell;
                e.Quantity = Math.Max(bids, asks);
            }
            risk.ImbalanceReported = imbalance;
        }
    }

    /// <summary>Whether the best bid is at (or above) the upper band or the best ask at (or below) the lower band.</summary>
    private bool IsPinned(OrderBook book)
    {
        var risk = book.Risk;
        int bid = book.Bids.Best;
        int ask = book.Asks.Best;
        return (bid != 0 && _levels.Items[bid].Price >= risk.UpperBand) || (ask != 0 && _levels.Items[ask].Price <= risk.LowerBand);
    }

    /// <summary>Short-term move of the last trade against the first trade of the 5-minute window: level 1 (at least
    /// the move level, default 5%) alerts, level 2 (above twice it) pauses, level 3 (above four times it) halts. Each
    /// level fires once until the move falls back below level 1. True if the instrument stopped trading.</summary>
    private bool EvaluateMove(OrderBook book)
    {
        var risk = book.Risk;
        long first = risk.Window.FirstPrice;
        long move = Math.Abs(book.Instrument.LastTradePrice - first);
        Int128 scaled = (Int128)move * 10_000;
        Int128 step = (Int128)first * risk.MoveLevelBps;
        int level = scaled > step * 4 ? 3 : scaled > step * 2 ? 2 : scaled >= step ? 1 : 0;
        if (level == 0)
        {
            risk.MoveLevel = 0;
            return false;
        }
        if (level <= risk.MoveLevel)
        {
            return false;
        }
        risk.MoveLevel = level;
        if (level == 1)
        {
            InstrumentAlert(book, AlertKind.MoveLevel1).Price = first;
            return false;
        }
        if (level == 2)
        {
            Pause(book, _now, AlertKind.MoveLevel2);
            CancelWhere(book, stopMarketOnly: true);
            return true;
        }
        SetInstrumentStatus(book, TradingStatus.Halted, AlertKind.MoveLevel3);
        CancelWhere(book, stopMarketOnly: false);
        return true;
    }

    /// <summary>Cancels the instrument's untriggered stop (market) orders, or all its orders.</summary>
    private void CancelWhere(OrderBook book, bool stopMarketOnly)
    {
        int count = 0;
        var items = _orders.Items;
        for (int i = book.OrdersHead; i != 0; i = items[i].InstrumentNext)
        {
            if (!stopMarketOnly || (items[i].OnStopBook && items[i].Type == OrderType.Stop))
            {
                AddScratch(ref count, i);
            }
        }
        for (int k = 0; k < count; k++)
        {
            if (items[_scratch[k].Index].OrderId == _scratch[k].OrderId)
            {
                CancelOrder(_scratch[k].Index, CancelReason.CircuitBreaker);
            }
        }
    }

    private void Pause(OrderBook book, long start, AlertKind cause)
    {
        book.Instrument.PauseUntil = start + PauseNanos;
        _nextBreakerDeadline = Math.Min(_nextBreakerDeadline, book.Instrument.PauseUntil);
        SetInstrumentStatus(book, TradingStatus.Paused, cause);
    }

    /// <summary>Sets a status with its event; leaving Paused clears the resume time, any change ends the limit state.</summary>
    private void SetInstrumentStatus(OrderBook book, TradingStatus status, AlertKind cause)
    {
        var instrument = book.Instrument;
        if (status != TradingStatus.Paused)
        {
            instrument.PauseUntil = 0;
        }
        instrument.Status = status;
        book.Risk.LimitStateSince = 0;
        ref var e = ref NewEvent(EventType.StatusChanged);
        e.Symbol = instrument.Symbol;
        e.Status = status;
        e.Alert = cause;
    }

    /// <summary>Runs the timers due at the current engine time: limit states held 15 s become pauses, pauses whose
    /// time is up end. Then finds the next deadline.</summary>
    private void RunBreakerTimers()
    {
        long next = long.MaxValue;
        foreach (var book in _books)
        {
            var risk = book.Risk;
            var instrument = book.Instrument;
            if (instrument.Status == TradingStatus.Open && risk.LimitStateSince != 0 && risk.LimitStateSince + LimitStateNanos <= _now)
            {
                // Time alone can move the bands (old trades leave the window): the book must still be at an edge.
                RefreshBands(book);
                if (risk.HasBands && IsPinned(book))
                {
                    Pause(book, risk.LimitStateSince + LimitStateNanos, AlertKind.LimitStatePause);
                }
                else
                {
                    risk.LimitStateSince = 0;
                    BandAlert(book, AlertKind.LimitStateExited);
                }
            }
            if (instrument.Status == TradingStatus.Paused && instrument.PauseUntil <= _now)
            {
                SetInstrumentStatus(book, TradingStatus.Open, AlertKind.PauseEnded);
                EvaluateBreakers(book);
            }
            if (instrument.Status == TradingStatus.Open && risk.LimitStateSince != 0)
            {
                next = Math.Min(next, risk.LimitStateSince + LimitStateNanos);
            }
            else if (instrument.Status == TradingStatus.Paused)
            {
                next = Math.Min(next, instrument.PauseUntil);
            }
        }
        _nextBreakerDeadline = next;
    }

    private void BandAlert(OrderBook book, AlertKind kind)
    {
        ref var e = ref InstrumentAlert(book, kind);
        e.Price = book.Risk.LowerBand;
        e.StopPrice = book.Risk.UpperBand;
    }

    private ref EngineEvent InstrumentAlert(OrderBook book, AlertKind kind)
    {
        ref var e = ref NewEvent(EventType.Alert);
        e.Symbol = book.Instrument.Symbol;
        e.Alert = kind;
        e.Status = book.Instrument.Status;
        return ref e;
    }

    private long TopQuantity(BookSide side)
    {
        long total = 0;
        int n = 0;
        for (int level = side.Best; level != 0 && n < ImbalanceLevels; level = side.NextWorse(level), n++)
        {
            total += _levels.Items[level].Visible;
        }
        return total;
    }
}
