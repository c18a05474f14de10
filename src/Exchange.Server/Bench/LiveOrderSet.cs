using Exchange.Core.Domain;

namespace Exchange.Server.Bench;

/// <summary>A generator's live orders in a dense list, so one can be picked uniformly at random in O(1);
/// removal swaps the last order into the hole. Counts per side drive the book-size regulation.</summary>
internal sealed class LiveOrderSet
{
    private readonly List<TrackedOrder> _orders = [];

    public int Count => _orders.Count;

    public int BuyCount { get; private set; }

    public int SellCount { get; private set; }

    public int CountOf(Side side) => side == Side.Buy ? BuyCount : SellCount;

    public void Add(TrackedOrder order)
    {
        order.Position = _orders.Count;
        _orders.Add(order);
        if (order.Side == Side.Buy)
        {
            BuyCount++;
        }
        else
        {
            SellCount++;
        }
    }

    public void Remove(TrackedOrder order)
    {
        int last = _orders.Count - 1;
        var moved = _orders[last];
        _orders[order.Position] = moved;
        moved.Position = order.Position;
        _orders.RemoveAt(last);
        if (order.Side == Side.Buy)
        {
            BuyCount--;
        }
        else
        {
            SellCount--;
        }
    }

    public TrackedOrder PickRandom(Random random) => _orders[random.Next(_orders.Count)];
}
