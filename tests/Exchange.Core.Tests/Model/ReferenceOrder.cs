using Exchange.Core.Domain;

namespace Exchange.Core.Tests.Model;

/// <summary>One order of the reference engine: a plain mutable class, every field public so the oracle stays easy to read.</summary>
internal sealed class ReferenceOrder
{
    public long OrderId;
    public long Account;
    public ClientOrderId ClientId;
    public ReferenceInstrument Instrument = null!;
    public Side Side;
    public OrderType Type;
    public TimeInForce TimeInForce;
    public long Price;
    public long StopPrice;

    /// <summary>Total quantity: always Filled + Leaves while the order is live (a self-trade decrement lowers it).</summary>
    public long Quantity;
    public long Filled;

    /// <summary>Visible part of the leaves. While the order is incoming it is all of the leaves (a taker trades its whole quantity).</summary>
    public long Visible;
    public long Hidden;

    /// <summary>Iceberg display quantity D (0 = not an iceberg).</summary>
    public long DisplayQuantity;
    public long ExpireTime;
    public OrderFlags Flags;
    public SelfTradePrevention SelfTradePrevention;
    public ReferenceOrder? OcoPartner;

    /// <summary>Arrival counter: bigger means later at its price (book) or stop price (stop book).</summary>
    public long Priority;
    public ReferenceOrderState State;

    public long Leaves => Visible + Hidden;

    public bool IsBuy => Side == Side.Buy;

    public bool IsIceberg => DisplayQuantity > 0;

    public bool IsLive => State is ReferenceOrderState.Resting or ReferenceOrderState.Stop;

    /// <summary>Shows a fresh slice: min(D, leaves) for an iceberg, everything otherwise.</summary>
    public void ShowFreshSlice()
    {
        long leaves = Leaves;
        Visible = IsIceberg ? Math.Min(DisplayQuantity, leaves) : leaves;
        Hidden = leaves - Visible;
    }

    /// <summary>Makes the whole leaves visible, as an incoming order trades all of it.</summary>
    public void ShowAllForTaking()
    {
        Visible = Leaves;
        Hidden = 0;
    }
}
