namespace Exchange.MarketData.Views;

/// <summary>What an order-by-order (L3) update does to the public book.</summary>
public enum BookUpdateKind : byte
{
    /// <summary>An order (or an iceberg's new visible slice) joins the back of its price level.</summary>
    Add = 1,

    /// <summary>A trade took <see cref="BookUpdate.Quantity"/> from the order's visible quantity; at zero it leaves the book.</summary>
    Execute = 2,

    /// <summary>The order's visible quantity shrank by <see cref="BookUpdate.Quantity"/> without a trade, keeping its place.</summary>
    Cancel = 3,

    /// <summary>The order left the book; <see cref="BookUpdate.Quantity"/> is the visible quantity it had.</summary>
    Delete = 4,
}
