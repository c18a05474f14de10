namespace Exchange.MarketData.Itch;

/// <summary>Fixed ITCH 5.0 message sizes by type byte, including the 11-byte header; 0 for a type we do not know.</summary>
public static class ItchMessageLength
{
    /// <summary>Size in bytes of a message of type <paramref name="type"/>, or 0 when the type is unknown.
    /// B, V and W are listed so a reader can step over them even though we do not decode them.</summary>
    public static int Of(byte type) => type switch
    {
        (byte)'S' => SystemEvent.Size,
        (byte)'R' => StockDirectory.Size,
        (byte)'H' => StockTradingAction.Size,
        (byte)'A' => AddOrder.Size,
        (byte)'F' => AddOrderWithMpid.Size,
        (byte)'E' => OrderExecuted.Size,
        (byte)'C' => OrderExecutedWithPrice.Size,
        (byte)'X' => OrderCancel.Size,
        (byte)'D' => OrderDelete.Size,
        (byte)'U' => OrderReplace.Size,
        (byte)'P' => Trade.Size,
        (byte)'B' => 19,
        (byte)'V' => 35,
        (byte)'W' => 12,
        _ => 0,
    };
}
