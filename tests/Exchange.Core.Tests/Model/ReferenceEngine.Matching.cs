using Exchange.Core.Domain;
using Exchange.Core.Events;

namespace Exchange.Core.Tests.Model;

/// <summary>Matching, self-trade prevention, fill-or-kill check, market collar and stop triggering of the reference engine.</summary>
internal sealed partial class ReferenceEngine
{
    /// <summary>Matches an incoming order (new, triggered or crossing replace) and handles its remainder.</summary>
    private void Work(ReferenceOrder taker)
    {
        var instrument = taker.Instrument;
        taker.State = ReferenceOrderState.Incoming;
        taker.ShowAllForTaking();
        long? collar = taker.Type == OrderType.Market ? CollarLimit(instrument, taker.Side) : null;
        bool PriceAcceptable(long makerPrice)
        {
            long? limit = taker.Type == OrderType.Limit ? taker.Price : collar;
            return limit is not long l || (taker.IsBuy ? makerPrice <= l : makerPrice >= l);
        }

        if (taker.TimeInForce == TimeInForce.Fok && !CanFillCompletely(taker, PriceAcceptable))
        {
            Remove(taker, EventType.Cancelled, CancelReason.FillOrKill);
            return;
        }

        Match(taker, PriceAcceptable);

        if (taker.State != ReferenceOrderState.Incoming)
        {
            return; // cancelled by self-trade prevention or as an OCO leg
        }
        if (taker.Leaves == 0)
        {
            taker.State = ReferenceOrderState.Done;
            return;
        }
        if (taker.Type == OrderType.Market)
        {
            var reason = instrument.OppositeOf(taker.Side).Count > 0 ? CancelReason.Collar : CancelReason.NoLiquidity;
            Remove(taker, EventType.Cancelled, reason);
        }
        else if (taker.TimeInForce == TimeInForce.Ioc)
        {
            Remove(taker, EventType.Cancelled, CancelReason.ImmediateOrCancel);
        }
        else if (taker.TimeInForce == TimeInForce.Fok)
        {
            // Only reachable if liquidity the check counted vanished while matching (an OCO leg cancelled by a fill).
            Remove(taker, EventType.Cancelled, CancelReason.FillOrKill);
        }
        else
        {
            PlaceOnBook(taker);
        }
    }

    private void Match(ReferenceOrder taker, Func<long, bool> priceAcceptable)
    {
        var instrument = taker.Instrument;
        var book = instrument.OppositeOf(taker.Side);
        while (taker.State == ReferenceOrderState.Incoming && taker.Leaves > 0 && book.Count > 0)
        {
            var maker = book[0];
            if (!priceAcceptable(maker.Price))
            {
                break;
            }
            if (maker.Account == taker.Account && taker.SelfTradePrevention != SelfTradePrevention.None)
            {
                PreventSelfTrade(taker, maker);
                continue;
            }

            long quantity = Math.Min(taker.Leaves, maker.Visible);
            taker.Filled += quantity;
            taker.Visible -= quantity;
            maker.Filled += quantity;
            maker.Visible -= quantity;
            instrument.LastTradePrice = maker.Price;
            Emit(ReferenceEvents.Trade(_nextTradeId++, taker, maker, maker.Price, quantity));
            if (maker.Leaves == 0)
            {
                RemoveFromBooks(maker);
                maker.State = ReferenceOrderState.Done;
            }
            // OCO: a trade of a paired leg cancels the other leg right after the trade, the maker's partner first. A leg
            // paired after it had already traded counts its next trade (reading of "its first trade", as the engine).
            CancelOcoPartner(maker);
            CancelOcoPartner(taker);
            if (maker.State == ReferenceOrderState.Resting && maker.Visible == 0)
            {
                Replenish(maker);
            }
        }
    }

    /// <summary>The four STP modes, decided by the taker's mode.</summary>
    private void PreventSelfTrade(ReferenceOrder taker, ReferenceOrder maker)
    {
        switch (taker.SelfTradePrevention)
        {
            case SelfTradePrevention.CancelNewest:
                Remove(taker, EventType.Cancelled, CancelReason.SelfTrade);
                break;
            case SelfTradePrevention.CancelOldest:
                Remove(maker, EventType.Cancelled, CancelReason.SelfTrade);
                break;
            case SelfTradePrevention.CancelBoth:
                Remove(maker, EventType.Cancelled, CancelReason.SelfTrade);
                RemoveIfStillIncoming(taker, CancelReason.SelfTrade);
                break;
            case SelfTradePrevention.Decrement:
                long quantity = Math.Min(taker.Leaves, maker.Leaves);
                if (taker.Leaves == maker.Leaves)
                {
                    Remove(maker, EventType.Cancelled, CancelReason.SelfTrade);
                    RemoveIfStillIncoming(taker, CancelReason.SelfTrade);
                }
                else if (maker.Leaves > taker.Leaves)
                {
                    Reduce(maker, quantity);
                    Remove(taker, EventType.Cancelled, CancelReason.SelfTrade);
                }
                else
                {
                    Remove(maker, EventType.Cancelled, CancelReason.SelfTrade);
                    if (taker.State == ReferenceOrderState.Incoming)
                    {
                        Reduce(taker, quantity);
                    }
                }
                break;
            default:
                throw new InvalidOperationException($"Unexpected STP mode {taker.SelfTradePrevention}");
        }
    }

    // The maker's cancel may already have cancelled the taker as its OCO partner.
    private void RemoveIfStillIncoming(ReferenceOrder taker, CancelReason reason)
    {
        if (taker.State == ReferenceOrderState.Incoming)
        {
            Remove(taker, EventType.Cancelled, reason);
        }
    }

    /// <summary>STP decrement: lowers the remaining quantity, hidden part first, keeping priority. The total quantity goes down
    /// too (assumption: the doc is silent), so Quantity stays Filled + Leaves and a later replace back to the old total counts
    /// as an increase.</summary>
    private void Reduce(ReferenceOrder order, long quantity)
    {
        long fromHidden = Math.Min(quantity, order.Hidden);
        order.Hidden -= fromHidden;
        order.Visible -= quantity - fromHidden;
        order.Quantity -= quantity;
        Emit(ReferenceEvents.Reduced(order, quantity));
    }

    /// <summary>Shows the next iceberg slice and moves the order to the back of its level.</summary>
    private void Replenish(ReferenceOrder order)
    {
        var instrument = order.Instrument;
        instrument.SideOf(order.Side).Remove(order);
        order.Visible = Math.Min(order.DisplayQuantity, order.Hidden);
        order.Hidden -= order.Visible;
        order.Priority = _nextPriority++;
        instrument.InsertAtBackOfLevel(order);
        Emit(ReferenceEvents.Replenished(order));
    }

    /// <summary>The FOK check as documented: walk the opposite side level by level in matching order, counting whole levels
    /// (icebergs with their hidden quantity). Own orders count with STP None and are skipped with CancelOldest; with the
    /// other modes an own order anywhere in a level the walk reaches (up to and including the level where the quantity
    /// completes) makes the order unfillable. Of a resting OCO pair only the leg met first counts.</summary>
    private static bool CanFillCompletely(ReferenceOrder taker, Func<long, bool> priceAcceptable)
    {
        long needed = taker.Leaves;
        var cancelledByPartner = new HashSet<ReferenceOrder>();
        foreach (var level in taker.Instrument.OppositeOf(taker.Side).GroupBy(o => o.Price))
        {
            if (!priceAcceptable(level.Key))
            {
                return false;
            }
            foreach (var maker in level)
            {
                if (maker.Account == taker.Account && taker.SelfTradePrevention != SelfTradePrevention.None)
                {
                    if (taker.SelfTradePrevention == SelfTradePrevention.CancelOldest)
                    {
                        continue;
                    }
                    return false;
                }
                // Of a resting OCO pair only the leg met first counts: its first trade cancels the other.
                if (cancelledByPartner.Contains(maker))
                {
                    continue;
                }
                if (maker.OcoPartner is { } partner)
                {
                    cancelledByPartner.Add(partner);
                }
                needed -= maker.Leaves;
            }
            if (needed <= 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The worst price a market order may trade at, or null for no limit (no collar, or nothing to measure from).</summary>
    private static long? CollarLimit(ReferenceInstrument instrument, Side side)
    {
        if (instrument.CollarBasisPoints == 0)
        {
            return null;
        }
        var opposite = instrument.OppositeOf(side);
        long reference = instrument.LastTradePrice > 0 ? instrument.LastTradePrice
            : instrument.ReferencePrice > 0 ? instrument.ReferencePrice
            : opposite.Count > 0 ? opposite[0].Price
            : 0;
        if (reference == 0)
        {
            return null; // no trade, no reference price and an empty opposite side: nothing can trade anyway
        }
        // Exact rational arithmetic: reference × (10000 ± bps) / 10000, then to a tick (down for buys, up for sells).
        Int128 tickUnits = (Int128)10_000 * instrument.TickSize;
        if (side == Side.Buy)
        {
            Int128 numerator = (Int128)reference * (10_000 + instrument.CollarBasisPoints);
            return (long)(FloorDivide(numerator, tickUnits) * instrument.TickSize);
        }
        Int128 sellNumerator = (Int128)reference * (10_000 - instrument.CollarBasisPoints);
        return (long)(-FloorDivide(-sellNumerator, tickUnits) * instrument.TickSize);
    }

    private static Int128 FloorDivide(Int128 a, Int128 b)
    {
        Int128 q = a / b;
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
    }

    /// <summary>Triggers every stop whose condition holds, then works the queue, collecting newly triggered stops after each.</summary>
    private void RunStopCascade(ReferenceInstrument instrument)
    {
        var queue = new Queue<ReferenceOrder>();
        TriggerHoldingStops(instrument, queue);
        while (queue.Count > 0)
        {
            Work(queue.Dequeue());
            TriggerHoldingStops(instrument, queue);
        }
    }

    private void TriggerHoldingStops(ReferenceInstrument instrument, Queue<ReferenceOrder> queue)
    {
        long last = instrument.LastTradePrice;
        if (last == 0)
        {
            return; // before the first trade nothing triggers
        }
        var holding = instrument.BuyStopsInTriggerOrder().Where(o => last >= o.StopPrice)
            .Concat(instrument.SellStopsInTriggerOrder().Where(o => last <= o.StopPrice))
            .ToList();
        foreach (var order in holding)
        {
            if (order.State != ReferenceOrderState.Stop)
            {
                continue; // cancelled as the OCO partner of one triggered just before
            }
            RemoveFromBooks(order);
            order.State = ReferenceOrderState.Queued;
            Emit(ReferenceEvents.Triggered(order));
            // From here on it is a plain market or limit order with stop price 0.
            order.Type = order.Type == OrderType.Stop ? OrderType.Market : OrderType.Limit;
            order.StopPrice = 0;
            CancelOcoPartner(order);
            queue.Enqueue(order);
        }
    }

    private void PlaceOnBook(ReferenceOrder order)
    {
        order.State = ReferenceOrderState.Resting;
        order.ShowFreshSlice();
        order.Priority = _nextPriority++;
        order.Instrument.InsertAtBackOfLevel(order);
        AddLive(order);
    }

    private void PlaceOnStopBook(ReferenceOrder order)
    {
        order.State = ReferenceOrderState.Stop;
        // Nothing of an untriggered stop is shown; its leaves count as visible until it rests (assumption: the doc
        // does not say how a stop's quantity appears in a snapshot; the engine does this).
        order.ShowAllForTaking();
        order.Priority = _nextPriority++;
        order.Instrument.Stops.Add(order);
        AddLive(order);
    }

    /// <summary>Takes a live order off its book or stop book and out of the live index.</summary>
    private void RemoveFromBooks(ReferenceOrder order)
    {
        var list = order.State == ReferenceOrderState.Stop ? order.Instrument.Stops : order.Instrument.SideOf(order.Side);
        if (!list.Remove(order))
        {
            throw new InvalidOperationException($"Order {order.OrderId} was not on its book");
        }
        RemoveLive(order);
    }
}
