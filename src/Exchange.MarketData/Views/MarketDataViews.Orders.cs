using Exchange.Core.Domain;
using Exchange.Core.Events;

namespace Exchange.MarketData.Views;

// Order lifecycle: incoming orders, resting, trades, cancels, replaces, iceberg slices, reductions.
public sealed partial class MarketDataViews
{
    private void StartIncoming(InstrumentView view, ShardState shard, OrderState order)
    {
        order.Place = OrderPlace.Incoming;
        _orders[order.Id] = order;
        shard.Incoming.Add((view, order));
    }

    /// <summary>Rests every incoming order that started before <paramref name="order"/> (and it too with
    /// <paramref name="including"/>): their matching is over. Nothing happens if it is not incoming.</summary>
    private void RestIncomingBefore(ShardState shard, long order, long timestamp, bool including = false)
    {
        int index = -1;
        for (int i = 0; i < shard.Incoming.Count; i++)
        {
            if (shard.Incoming[i].Order.Id == order)
            {
                index = i;
                break;
            }
        }
        int n = including ? index + 1 : index;
        for (int i = 0; i < n; i++)
        {
            var (view, o) = shard.Incoming[i];
            if (o.Place == OrderPlace.Incoming)
            {
                Rest(view, shard, o, o.RestingSlice, timestamp);
            }
        }
        if (n > 0)
        {
            shard.Incoming.RemoveRange(0, n);
        }
    }

    private void EndCommand(ShardState shard, long timestamp)
    {
        foreach (var (view, o) in shard.Incoming)
        {
            if (o.Place == OrderPlace.Incoming)
            {
                Rest(view, shard, o, o.RestingSlice, timestamp);
            }
        }
        shard.Incoming.Clear();
        foreach (var gone in shard.Gone)
        {
            _freeOrders.Push(gone);
        }
        shard.Gone.Clear();
        shard.MidCommand = false;
    }

    private OrderState NewOrder(long id, Side side, long price, long leaves, long display) =>
        (_freeOrders.TryPop(out var state) ? state : new OrderState()).Reset(id, side, price, leaves, display);

    /// <summary>The order is gone: out of the index now, its state reused after the command.</summary>
    private void Forget(ShardState shard, OrderState order)
    {
        if (_orders.Remove(order.Id, out var indexed) && ReferenceEquals(indexed, order))
        {
            shard.Gone.Add(order);
        }
    }

    private void Rest(InstrumentView view, ShardState shard, OrderState order, long visible, long timestamp)
    {
        if (order.Leaves <= 0 || visible <= 0)
        {
            Forget(shard, order);
            return;
        }
        order.Place = OrderPlace.Resting;
        order.Visible = visible;
        view.Book.Add(order.Id, order.Side, order.Price, visible);
        Publish(view, new BookUpdate(BookUpdateKind.Add, order.Id, order.Side, order.Price, visible), timestamp);
    }

    private void Publish(InstrumentView view, in BookUpdate update, long timestamp)
    {
        view.PendingL3.Add(update);
        Observer?.OnBookUpdate(view, in update, timestamp);
    }

    private void OnTrade(InstrumentView view, ShardState shard, long taker, long maker, in EngineEvent e)
    {
        if (_orders.TryGetValue(maker, out var m) && m.Place == OrderPlace.Incoming)
        {
            RestIncomingBefore(shard, maker, e.Timestamp, including: true);
        }
        RestIncomingBefore(shard, taker, e.Timestamp);

        if (_orders.TryGetValue(maker, out m) && m.Place == OrderPlace.Resting && view.Book.Contains(maker))
        {
            m.Visible -= e.Quantity;
            m.Leaves = e.MakerLeavesQuantity;
            view.Book.Reduce(maker, e.Quantity);
            Publish(view, new BookUpdate(BookUpdateKind.Execute, maker, m.Side, m.Price, e.Quantity, e.TradeId), e.Timestamp);
            if (m.Visible <= 0)
            {
                if (m.Leaves > 0)
                {
                    m.Visible = 0;
                    m.Place = OrderPlace.AwaitingSlice;
                }
                else
                {
                    Forget(shard, m);
                }
            }
        }
        else
        {
            Inconsistencies++;
        }

        if (_orders.TryGetValue(taker, out var t) && t.Place == OrderPlace.Incoming)
        {
            t.Leaves = e.LeavesQuantity;
            if (t.Leaves == 0)
            {
                Forget(shard, t);
            }
        }

        var print = new TradePrint(e.TradeId, e.Price, e.Quantity, e.Side, e.Timestamp, maker);
        view.Tape.Add(in print);
        view.Bars1s.Add(e.Timestamp, e.Price, e.Quantity);
        view.Bars1m.Add(e.Timestamp, e.Price, e.Quantity);
        view.Statistics.Add(e.Price, e.Quantity);
        view.PendingTrades.Add(print);
        view.PendingBars = true;
        view.PendingStatus = true;
        Observer?.OnTrade(view, in print);
    }

    /// <summary>Cancelled or expired: the order leaves wherever it is (stop orders are not tracked).</summary>
    private void Remove(InstrumentView view, ShardState shard, long id, long timestamp)
    {
        if (!_orders.Remove(id, out var order))
        {
            return;
        }
        shard.Gone.Add(order); // reused after the command, like every forgotten order
        if (order.Place == OrderPlace.Resting && view.Book.TryGetOrder(id, out var shown))
        {
            view.Book.Remove(id);
            Publish(view, new BookUpdate(BookUpdateKind.Delete, id, order.Side, order.Price, shown.Quantity), timestamp);
        }
        order.Place = OrderPlace.AwaitingSlice;
        order.Leaves = 0; // an incoming order still listed in shard.Incoming is then skipped
    }

    private void OnReplaced(InstrumentView view, ShardState shard, long id, in EngineEvent e)
    {
        if (!_orders.TryGetValue(id, out var order))
        {
            return; // an untriggered stop
        }
        if (e.PriorityKept)
        {
            // A decrease in place: the hidden reserve shrinks first (docs/matching-rules.md).
            long decrease = order.Leaves - e.LeavesQuantity;
            long fromHidden = Math.Min(order.Hidden, decrease);
            long fromVisible = decrease - fromHidden;
            order.Leaves = e.LeavesQuantity;
            if (fromVisible > 0 && order.Place == OrderPlace.Resting)
            {
                order.Visible -= fromVisible;
                view.Book.Reduce(id, fromVisible);
                Publish(view, new BookUpdate(BookUpdateKind.Cancel, id, order.Side, order.Price, fromVisible), e.Timestamp);
            }
            return;
        }
        // Loses priority: leaves its place and comes in again at the new price (it may trade at once).
        if (order.Place == OrderPlace.Resting && view.Book.TryGetOrder(id, out var shown))
        {
            view.Book.Remove(id);
            Publish(view, new BookUpdate(BookUpdateKind.Delete, id, order.Side, order.Price, shown.Quantity), e.Timestamp);
        }
        order.Price = e.Price;
        order.Leaves = e.LeavesQuantity;
        order.Visible = 0;
        StartIncoming(view, shard, order);
    }

    private void OnReplenished(InstrumentView view, ShardState shard, long id, in EngineEvent e)
    {
        if (!_orders.TryGetValue(id, out var order))
        {
            Inconsistencies++;
            return;
        }
        if (order.Place == OrderPlace.Resting && view.Book.TryGetOrder(id, out var shown))
        {
            view.Book.Remove(id);
            Publish(view, new BookUpdate(BookUpdateKind.Delete, id, order.Side, order.Price, shown.Quantity), e.Timestamp);
        }
        order.Leaves = e.LeavesQuantity;
        Rest(view, shard, order, e.DisplayQuantity, e.Timestamp);
    }

    private void OnReduced(InstrumentView view, ShardState shard, long id, in EngineEvent e)
    {
        if (!_orders.TryGetValue(id, out var order))
        {
            return;
        }
        order.Leaves = e.LeavesQuantity;
        if (order.Place != OrderPlace.Resting)
        {
            return; // the incoming order goes on matching with less
        }
        long fromVisible = order.Visible - e.DisplayQuantity;
        if (fromVisible > 0)
        {
            order.Visible = e.DisplayQuantity;
            view.Book.Reduce(id, fromVisible);
            Publish(view, new BookUpdate(BookUpdateKind.Cancel, id, order.Side, order.Price, fromVisible), e.Timestamp);
            if (order.Visible == 0)
            {
                Forget(shard, order);
            }
        }
    }
}
