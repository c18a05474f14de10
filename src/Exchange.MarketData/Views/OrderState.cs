using Exchange.Core.Domain;

namespace Exchange.MarketData.Views;

/// <summary>Where a live, non-stop order is in the public view.</summary>
internal enum OrderPlace : byte
{
    /// <summary>Matching as the incoming order; rests (if anything is left) once its matching is over.</summary>
    Incoming,
    /// <summary>In the public book with a visible quantity.</summary>
    Resting,
    /// <summary>An iceberg whose visible slice was used up; the engine's Replenished event shows the next one.</summary>
    AwaitingSlice,
}

/// <summary>What the views need to know of an order beyond the public book: hidden quantity and display instruction.
/// Reused once the order is gone (<see cref="MarketDataViews"/> keeps a free list), so every field is set by
/// <see cref="Reset"/>.</summary>
internal sealed class OrderState
{
    public long Id;
    public Side Side;
    public long Price;
    public long Leaves;
    /// <summary>Iceberg display instruction; 0 = show everything.</summary>
    public long Display;
    /// <summary>Visible quantity while resting (Leaves − hidden).</summary>
    public long Visible;
    public OrderPlace Place;

    public long Hidden => Leaves - Visible;

    public OrderState Reset(long id, Side side, long price, long leaves, long display)
    {
        Id = id;
        Side = side;
        Price = price;
        Leaves = leaves;
        Display = display;
        Visible = 0;
        Place = OrderPlace.Incoming;
        return this;
    }

    /// <summary>The visible slice when the order comes to rest.</summary>
    public long RestingSlice => Display > 0 ? Math.Min(Display, Leaves) : Leaves;
}
