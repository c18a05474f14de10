using Exchange.Core.Domain;

namespace Exchange.Core.Tests.Model;

/// <summary>One instrument of the reference engine with its books as plain lists kept in priority order.</summary>
internal sealed class ReferenceInstrument
{
    public Symbol Symbol;
    public long TickSize;
    public long LotSize;
    public long MinQuantity;
    public long MaxQuantity;
    public long ReferencePrice;
    public int CollarBasisPoints;
    public TradingStatus Status = TradingStatus.Open;
    public long LastTradePrice;

    /// <summary>Highest price first, then lowest priority counter (oldest) first.</summary>
    public List<ReferenceOrder> Bids { get; } = [];

    /// <summary>Lowest price first, then oldest first.</summary>
    public List<ReferenceOrder> Asks { get; } = [];

    /// <summary>Untriggered stop and stop-limit orders of both sides, in no particular order.</summary>
    public List<ReferenceOrder> Stops { get; } = [];

    public List<ReferenceOrder> SideOf(Side side) => side == Side.Buy ? Bids : Asks;

    public List<ReferenceOrder> OppositeOf(Side side) => side == Side.Buy ? Asks : Bids;

    /// <summary>True if <paramref name="price"/> is at least as good as <paramref name="other"/> for a resting order of that side.</summary>
    public static bool IsBetterOrEqual(Side side, long price, long other) => side == Side.Buy ? price >= other : price <= other;

    /// <summary>Puts the order at the back of its price level: after every order with a better or equal price.</summary>
    public void InsertAtBackOfLevel(ReferenceOrder order)
    {
        var list = SideOf(order.Side);
        int index = 0;
        while (index < list.Count && IsBetterOrEqual(order.Side, list[index].Price, order.Price))
        {
            index++;
        }
        list.Insert(index, order);
    }

    /// <summary>All live orders: both books and the stop book.</summary>
    public IEnumerable<ReferenceOrder> LiveOrders() => Bids.Concat(Asks).Concat(Stops);

    /// <summary>Buy stops by ascending stop price, then sell stops by descending stop price, oldest first at equal stop price.</summary>
    public List<ReferenceOrder> BuyStopsInTriggerOrder() =>
        Stops.Where(o => o.IsBuy).OrderBy(o => o.StopPrice).ThenBy(o => o.Priority).ToList();

    public List<ReferenceOrder> SellStopsInTriggerOrder() =>
        Stops.Where(o => !o.IsBuy).OrderByDescending(o => o.StopPrice).ThenBy(o => o.Priority).ToList();
}
