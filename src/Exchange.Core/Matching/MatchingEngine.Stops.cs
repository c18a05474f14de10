using Exchange.Core.Domain;
using Exchange.Core.Events;

namespace Exchange.Core.Matching;

// Stop and stop-limit orders: triggering by the last trade price, in a deterministic order, with cascades.
public sealed partial class MatchingEngine
{
    /// <summary>After a command's own matching: triggers every stop whose condition holds and runs the
    /// triggered orders in trigger order, collecting newly triggered stops after each one.</summary>
    private void RunStops(OrderBook book)
    {
        if (book.StopOrders == 0 || book.Instrument.LastTradePrice == 0)
        {
            return;
        }
        CollectTriggered(book);
        while (_triggerHead < _triggerTail)
        {
            int index = _triggerQueue[_triggerHead++];
            Execute(index, book);
            CollectTriggered(book);
        }
        _triggerHead = 0;
        _triggerTail = 0;
    }

    /// <summary>Moves triggered stops to the trigger queue: buy stops by ascending stop price, then sell stops
    /// by descending stop price, oldest first within a price.</summary>
    private void CollectTriggered(OrderBook book)
    {
        long last = book.Instrument.LastTradePrice;
        int level;
        while ((level = book.BuyStops.Best) != 0 && _levels.Items[level].Price <= last)
        {
            Trigger(book, book.BuyStops, _levels.Items[level].Head);
        }
        while ((level = book.SellStops.Best) != 0 && _levels.Items[level].Price >= last)
        {
            Trigger(book, book.SellStops, _levels.Items[level].Head);
        }
    }

    private void Trigger(OrderBook book, BookSide stops, int index)
    {
        Dequeue(stops, index);
        book.StopOrders--;
        ref var o = ref _orders.Items[index];
        o.OnStopBook = false;
        OrderEvent(EventType.Triggered, index);
        // From here on it is a plain market or limit order.
        o.Type = o.Type == OrderType.Stop ? OrderType.Market : OrderType.Limit;
        o.StopPrice = 0;
        if (o.OcoPartner != 0)
        {
            CancelPartner(index);
        }
        if (_triggerTail == _triggerQueue.Length)
        {
            Array.Resize(ref _triggerQueue, _triggerQueue.Length * 2);
        }
        _triggerQueue[_triggerTail++] = index;
    }
}
