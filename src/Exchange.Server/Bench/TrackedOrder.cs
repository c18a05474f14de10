using Exchange.Core.Domain;

namespace Exchange.Server.Bench;

/// <summary>What a workload generator knows about one live order, learnt from the scratch engine's events.</summary>
internal sealed class TrackedOrder
{
    public TrackedOrder(Symbol symbol, long account, ClientOrderId clientId, Side side, long price, long quantity, LiveOrderSet owner)
    {
        Symbol = symbol;
        Account = account;
        ClientId = clientId;
        Side = side;
        Price = price;
        Quantity = quantity;
        Owner = owner;
    }

    public Symbol Symbol { get; }

    public long Account { get; }

    /// <summary>Current client id (changes with every replace).</summary>
    public ClientOrderId ClientId { get; set; }

    public Side Side { get; }

    /// <summary>Limit price in price units (fixed point).</summary>
    public long Price { get; set; }

    /// <summary>Total quantity, filled part included (what a replace must give).</summary>
    public long Quantity { get; set; }

    public long LeavesQuantity { get; set; }

    /// <summary>The generator's set this order belongs to, so cancels and replaces can pick it.</summary>
    public LiveOrderSet Owner { get; }

    /// <summary>Index in <see cref="Owner"/>; maintained by the set.</summary>
    public int Position { get; set; }

    public long PriceTicks => Price / WorkloadCommands.TickUnits;
}
