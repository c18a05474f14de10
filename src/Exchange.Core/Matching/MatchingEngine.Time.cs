using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Events;

namespace Exchange.Core.Matching;

// Engine time: good-till-date expiry before every command, and the end-of-day command for DAY orders.
public sealed partial class MatchingEngine
{
    /// <summary>Expires every GTD order whose time has come, by expire time then order id.</summary>
    private void ExpireGoodTillDate()
    {
        while (_expiries.Count > 0)
        {
            int index = _expiries.Peek();
            if (_orders.Items[index].ExpireTime > _now)
            {
                return;
            }
            ExpireOrder(index, CancelReason.Expired);
        }
    }

    private void EndOfDay(in Command c)
    {
        if (!c.Symbol.IsEmpty)
        {
            if (!_instrumentBySymbol.TryGetValue(c.Symbol, out int id))
            {
                Reject(in c, RejectReason.UnknownSymbol);
                return;
            }
            ExpireDayOrders(_books[id]);
            return;
        }
        foreach (var book in _books)
        {
            ExpireDayOrders(book);
        }
    }

    private void ExpireDayOrders(OrderBook book)
    {
        int count = 0;
        var items = _orders.Items;
        for (int i = book.OrdersHead; i != 0; i = items[i].InstrumentNext)
        {
            if (items[i].TimeInForce == TimeInForce.Day)
            {
                AddScratch(ref count, i);
            }
        }
        for (int k = 0; k < count; k++)
        {
            var (index, orderId) = _scratch[k];
            // An earlier expiry may have cancelled this one as its OCO partner.
            if (items[index].OrderId == orderId)
            {
                ExpireOrder(index, CancelReason.EndOfDay);
            }
        }
    }

    private void ExpireOrder(int index, CancelReason reason)
    {
        _touchAll = true;
        int partner = TakeOffBook(index);
        ref var e = ref OrderEvent(EventType.Expired, index);
        e.CancelReason = reason;
        e.Quantity = e.LeavesQuantity;
        e.LeavesQuantity = 0;
        Release(index);
        if (partner != 0)
        {
            CancelOrder(partner, CancelReason.Oco);
        }
    }
}
