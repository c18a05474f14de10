using Exchange.Core.Domain;
using Exchange.Core.Events;

namespace Exchange.Core.Matching;

// Matching an incoming order against the opposite side: price-time priority, iceberg replenishment,
// self-trade prevention, FOK pre-check, market collar, and what happens to the remainder.
public sealed partial class MatchingEngine
{
    /// <summary>Runs an incoming order (new, triggered or re-priced by a replace) through the book and
    /// settles its remainder: rest, or cancel for IOC/FOK/market.</summary>
    private void Execute(int taker, OrderBook book)
    {
        ref var t = ref _orders.Items[taker];
        bool market = t.Type == OrderType.Market;
        long limit = market ? CollarLimit(book, t.Side) : t.Price;
        long leavesBefore = t.Visible + t.Hidden;
        if (_risk)
        {
            limit = RiskTradeLimit(book, ref t, limit);
        }
        if (t.TimeInForce == TimeInForce.Fok && !CanFill(book, taker, limit))
        {
            CancelOrder(taker, CancelReason.FillOrKill);
            return;
        }
        if (!Match(taker, book, limit))
        {
            return; // cancelled by self-trade prevention
        }
        if (_risk && t.Visible + t.Hidden != leavesBefore)
        {
            // The taker's hold follows its open quantity once, after all its trades (nothing checks holds in between).
            Unhold(taker);
            Hold(taker);
        }
        if (t.Visible == 0)
        {
            Release(taker);
        }
        else if (market)
        {
            CancelOrder(taker, book.OppositeOf(t.Side).Best != 0 ? CancelReason.Collar : CancelReason.NoLiquidity);
        }
        else if (t.TimeInForce is TimeInForce.Ioc or TimeInForce.Fok)
        {
            CancelOrder(taker, t.TimeInForce == TimeInForce.Ioc ? CancelReason.ImmediateOrCancel : CancelReason.FillOrKill);
        }
        else
        {
            Rest(taker, book);
        }
    }

    /// <summary>Puts an order's open quantity on its side of the book, showing at most its display quantity.</summary>
    private void Rest(int index, OrderBook book)
    {
        ref var o = ref _orders.Items[index];
        long leaves = o.Visible + o.Hidden;
        o.Visible = o.Display > 0 ? Math.Min(o.Display, leaves) : leaves;
        o.Hidden = leaves - o.Visible;
        // A re-priced order's old neighbourhood is the best place to start looking for its new level; a level
        // emptied since (OrderCount 0) is no longer in the side and is not used. Without a hint the level is
        // found by a tree descent: a walk from the best level would pass many levels (one cache miss each) for
        // the orders resting away from it.
        int hint = _restHint;
        _restHint = 0;
        var side = book.SideOf(o.Side);
        if (hint != 0 && _levels.Items[hint].OrderCount == 0)
        {
            hint = 0;
        }
        int vacated = _vacated;
        if (vacated != 0)
        {
            _vacated = 0;
            if (side.TryMove(vacated, o.Price))
            {
                Append(vacated, index);
                _levels.Items[vacated].Visible += o.Visible;
            }
            else
            {
                side.Remove(vacated);
                Enqueue(side, index, o.Price, hint);
            }
        }
        else
        {
            Enqueue(side, index, o.Price, hint);
        }
        if (o.TimeInForce == TimeInForce.Gtd && o.ExpiryHeapIndex < 0)
        {
            _expiries.Add(index);
        }
    }

    /// <summary>Trades the taker against the opposite side up to <paramref name="limit"/>.
    /// False if self-trade prevention cancelled the taker.</summary>
    private bool Match(int taker, OrderBook book, long limit)
    {
        var items = _orders.Items;
        ref var t = ref items[taker];
        var opposite = book.OppositeOf(t.Side);
        bool buy = t.Side == Side.Buy;
        while (t.Visible > 0)
        {
            int level = opposite.Best;
            if (level == 0)
            {
                break;
            }
            var levels = _levels.Items;
            long price = levels[level].Price;
            if (buy ? price > limit : price < limit)
            {
                break;
            }
            // Always take the level's head: a maker is either used up (removed), replenished (moved to the
            // back) or the taker is done, so the head is always the next order in priority.
            int maker = levels[level].Head;
            ref var m = ref items[maker];
            if (m.Account == t.Account && t.Stp != SelfTradePrevention.None)
            {
                if (!PreventSelfTrade(taker, maker))
                {
                    return false;
                }
                continue;
            }

            long quantity = Math.Min(t.Visible, m.Visible);
            if (_risk)
            {
                Unhold(maker);
            }
            t.Visible -= quantity;
            t.Filled += quantity;
            m.Visible -= quantity;
            m.Filled += quantity;
            levels[level].Visible -= quantity;
            book.Instrument.LastTradePrice = price;
            if (_risk)
            {
                Settle(book, taker, maker, price, quantity);
                Hold(maker);
                if (book.Risk.RecordsTrades)
                {
                    book.Risk.Window.Add(_now, price, quantity);
                }
            }
            EmitTrade(taker, maker, price, quantity);

            if (m.OcoPartner != 0)
            {
                CancelPartner(maker);
            }
            if (t.OcoPartner != 0)
            {
                CancelPartner(taker);
            }
            if (m.Visible == 0)
            {
                if (m.Hidden > 0)
                {
                    Replenish(maker);
                }
                else
                {
                    Dequeue(opposite, maker);
                    Release(maker);
                }
            }
        }
        return true;
    }

    private void EmitTrade(int taker, int maker, long price, long quantity)
    {
        ref var e = ref OrderEvent(EventType.Trade, taker);
        ref var m = ref _orders.Items[maker];
        e.TradeId = ++_lastTradeId;
        e.Price = price;
        e.Quantity = quantity;
        e.MakerOrderId = m.OrderId;
        e.MakerAccount = m.Account;
        e.MakerClientId = m.ClientId;
        e.MakerLeavesQuantity = m.Visible + m.Hidden;
        e.MakerFilledQuantity = m.Filled;
    }

    /// <summary>Shows the next iceberg slice and sends the order to the back of its level.</summary>
    private void Replenish(int index)
    {
        ref var o = ref _orders.Items[index];
        int level = o.Level;
        Unlink(level, index);
        o.Visible = Math.Min(o.Display, o.Hidden);
        o.Hidden -= o.Visible;
        Append(level, index);
        _levels.Items[level].Visible += o.Visible;
        ref var e = ref OrderEvent(EventType.Replenished, index);
        e.DisplayQuantity = o.Visible;
    }

    /// <summary>Applies the taker's self-trade prevention against an own resting order. False if the taker is gone.</summary>
    private bool PreventSelfTrade(int taker, int maker)
    {
        var items = _orders.Items;
        switch (items[taker].Stp)
        {
            case SelfTradePrevention.CancelNewest:
                CancelOrder(taker, CancelReason.SelfTrade);
                return false;
            case SelfTradePrevention.CancelOldest:
                CancelOrder(maker, CancelReason.SelfTrade);
                return true;
            case SelfTradePrevention.CancelBoth:
                CancelOrder(maker, CancelReason.SelfTrade);
                CancelOrder(taker, CancelReason.SelfTrade);
                return false;
            default: // Decrement
                long takerLeaves = items[taker].Visible;
                long makerLeaves = items[maker].Leaves;
                if (takerLeaves == makerLeaves)
                {
                    CancelOrder(maker, CancelReason.SelfTrade);
                    CancelOrder(taker, CancelReason.SelfTrade);
                    return false;
                }
                if (makerLeaves > takerLeaves)
                {
                    ReduceResting(maker, takerLeaves);
                    CancelOrder(taker, CancelReason.SelfTrade);
                    return false;
                }
                CancelOrder(maker, CancelReason.SelfTrade);
                items[taker].Visible -= makerLeaves; // the taker's hold follows after matching (Execute)
                items[taker].Quantity -= makerLeaves; // total = filled + leaves stays true
                ref var e = ref OrderEvent(EventType.Reduced, taker);
                e.Quantity = makerLeaves;
                e.DisplayQuantity = items[taker].Visible;
                return true;
        }
    }

    /// <summary>Reduces a resting order's open quantity (hidden part first) without a trade; it keeps its priority.</summary>
    private void ReduceResting(int index, long quantity)
    {
        ref var o = ref _orders.Items[index];
        if (_risk)
        {
            Unhold(index);
        }
        long fromHidden = Math.Min(o.Hidden, quantity);
        o.Hidden -= fromHidden;
        o.Visible -= quantity - fromHidden;
        o.Quantity -= quantity; // total = filled + leaves stays true
        _levels.Items[o.Level].Visible -= quantity - fromHidden;
        if (_risk)
        {
            Hold(index);
        }
        ref var e = ref OrderEvent(EventType.Reduced, index);
        e.Quantity = quantity;
        e.DisplayQuantity = o.Visible;
    }

    /// <summary>FOK pre-check: can the whole quantity trade now? Walks the book in matching order without
    /// changing it. Own orders count with STP None, are skipped with CancelOldest, and otherwise make the
    /// order unfillable if they sit in any level the walk reaches.</summary>
    private bool CanFill(OrderBook book, int taker, long limit)
    {
        var items = _orders.Items;
        var levels = _levels.Items;
        ref var t = ref items[taker];
        var opposite = book.OppositeOf(t.Side);
        bool buy = t.Side == Side.Buy;
        long needed = t.Visible;
        int excluded = 0;
        for (int level = opposite.Best; level != 0; level = opposite.NextWorse(level))
        {
            long price = levels[level].Price;
            if (buy ? price > limit : price < limit)
            {
                return false;
            }
            for (int m = levels[level].Head; m != 0; m = items[m].Next)
            {
                if (items[m].Account == t.Account && t.Stp != SelfTradePrevention.None)
                {
                    if (t.Stp == SelfTradePrevention.CancelOldest)
                    {
                        continue;
                    }
                    return false;
                }
                int partner = items[m].OcoPartner;
                if (partner != 0)
                {
                    // Of an OCO pair only the leg met first can trade: its first trade cancels the other.
                    if (IsExcluded(excluded, m))
                    {
                        continue;
                    }
                    AddScratch(ref excluded, partner);
                }
                needed -= items[m].Visible + items[m].Hidden;
            }
            if (needed <= 0)
            {
                return true;
            }
        }
        return false;
    }

    private bool IsExcluded(int count, int index)
    {
        for (int k = 0; k < count; k++)
        {
            if (_scratch[k].Index == index)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The worst price a market order may trade at: the reference price moved by the collar,
    /// rounded to a tick towards the reference. No collar: unbounded.</summary>
    private long CollarLimit(OrderBook book, Side side)
    {
        var instrument = book.Instrument;
        long unbounded = side == Side.Buy ? long.MaxValue : long.MinValue;
        if (instrument.CollarBasisPoints == 0)
        {
            return unbounded;
        }
        long reference = instrument.LastTradePrice;
        if (reference == 0)
        {
            reference = instrument.ReferencePrice;
        }
        if (reference == 0)
        {
            int best = book.OppositeOf(side).Best;
            if (best == 0)
            {
                return unbounded;
            }
            reference = _levels.Items[best].Price;
        }
        long delta = BasisPointsOf(reference, instrument.CollarBasisPoints);
        long tick = instrument.TickSize;
        if (side == Side.Buy)
        {
            long raw = reference + delta;
            return raw - raw % tick;
        }
        long low = reference - delta;
        if (low <= 0)
        {
            return unbounded;
        }
        long remainder = low % tick;
        return remainder == 0 ? low : low - remainder + tick;
    }

    /// <summary><paramref name="value"/> × <paramref name="bps"/> / 10,000 rounded towards zero, for non-negative
    /// arguments: in 64 bits when the product fits (a 128-bit division is a slow helper call), else in 128.</summary>
    internal static long BasisPointsOf(long value, long bps)
    {
        long high = Math.BigMul(value, bps, out long low);
        return high == 0 && low >= 0 ? low / 10_000 : (long)((Int128)value * bps / 10_000);
    }
}
