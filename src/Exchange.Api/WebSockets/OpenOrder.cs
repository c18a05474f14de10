using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Exchange.Core.Domain;
using Exchange.Core.Events;
using Exchange.Core.Matching;
using Exchange.MarketData.Views;

namespace Exchange.Api.WebSockets;

/// <summary>One live order of an account as the private channel knows it (from the shard's start state and the events
/// since): what a subscription's snapshot lists. A struct kept in place in its table (no allocation per order on the
/// market-data thread). Market-data thread only.</summary>
public struct OpenOrder
{
    public long PublicId { get; init; }

    public Symbol Symbol { get; init; }

    public ClientOrderId ClientId { get; set; }

    public Side Side { get; init; }

    public OrderType OrderType { get; set; }

    public TimeInForce TimeInForce { get; set; }

    public long Price { get; set; }

    public long StopPrice { get; set; }

    public long Quantity { get; set; }

    public long Leaves { get; set; }

    public long Filled { get; set; }

    public long Display { get; set; }

    public static OpenOrder From(int shard, Symbol symbol, in RestingOrder o) => new()
    {
        PublicId = PublicOrderId.Of(shard, o.OrderId), Symbol = symbol, ClientId = o.ClientId, Side = o.Side, OrderType = o.OrderType,
        TimeInForce = o.TimeInForce, Price = o.Price, StopPrice = o.StopPrice, Quantity = o.Quantity,
        Leaves = o.LeavesQuantity > 0 ? o.LeavesQuantity : o.Quantity - o.FilledQuantity, Filled = o.FilledQuantity, Display = o.DisplayQuantity,
    };
}

/// <summary>The open orders of one account, kept up to date from its order events.</summary>
public sealed class OpenOrders
{
    private readonly Dictionary<long, OpenOrder> _orders = [];

    public int Count => _orders.Count;

    /// <summary>In order of public id (acceptance order within a shard).</summary>
    public IEnumerable<OpenOrder> Sorted => _orders.Values.OrderBy(o => o.PublicId);

    public void Add(OpenOrder order) => _orders[order.PublicId] = order;

    /// <summary>Applies one event of this account's order (<paramref name="maker"/>: the maker side of a trade).</summary>
    public void Apply(int shard, in EngineEvent e, bool maker)
    {
        long id = PublicOrderId.Of(shard, maker ? e.MakerOrderId : e.OrderId);
        long leaves = maker ? e.MakerLeavesQuantity : e.LeavesQuantity;
        switch (e.Type)
        {
            case EventType.Accepted:
                _orders[id] = new OpenOrder
                {
                    PublicId = id, Symbol = e.Symbol, ClientId = e.ClientId, Side = e.Side, OrderType = e.OrderType, TimeInForce = e.TimeInForce,
                    Price = e.Price, StopPrice = e.StopPrice, Quantity = e.Quantity, Leaves = e.LeavesQuantity, Filled = e.FilledQuantity,
                    Display = e.DisplayQuantity,
                };
                break;
            case EventType.Cancelled or EventType.Expired:
                _orders.Remove(id);
                return;
            default:
                ref var o = ref CollectionsMarshal.GetValueRefOrNullRef(_orders, id);
                if (Unsafe.IsNullRef(ref o))
                {
                    return;
                }
                o.Leaves = leaves;
                o.Filled = maker ? e.MakerFilledQuantity : e.FilledQuantity;
                if (e.Type is EventType.Replaced)
                {
                    o.ClientId = e.ClientId;
                    o.Price = e.Price;
                    o.StopPrice = e.StopPrice;
                    o.Quantity = e.Quantity;
                    o.Display = e.DisplayQuantity;
                }
                else if (e.Type is EventType.Triggered)
                {
                    // The event describes the stop before it turned into a plain order (as the engine does right after).
                    o.OrderType = o.OrderType == OrderType.Stop ? OrderType.Market : OrderType.Limit;
                    o.StopPrice = 0;
                }
                else if (e.Type is EventType.Replenished or EventType.Reduced)
                {
                    o.Display = e.DisplayQuantity;
                }
                break;
        }
        if (leaves == 0)
        {
            _orders.Remove(id);
        }
    }
}
