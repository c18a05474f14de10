using Exchange.Core.Domain;
using Exchange.MarketData.Itch;
using Exchange.MarketData.Views;

namespace Exchange.MarketData.Feed;

/// <summary>Writes the public views as ITCH 5.0 messages (docs/itch-feed.md): R and H per instrument, A/E/X/D per
/// book update. An instrument is on the feed only if its symbol fits the 8-byte stock field; a price needs at most
/// four decimals and a quantity must fit a u32 (otherwise the message is not written and counted by the caller).</summary>
public static class ItchEncoder
{
    private const long NanosPerDay = 86_400_000_000_000;

    /// <summary>The largest message written.</summary>
    public const int MaxMessageSize = StockDirectory.Size;

    public static bool TryGetStock(InstrumentView view, out ItchStock stock) => ItchStock.TryCreate(view.Name, out stock);

    public static ItchHeader Header(InstrumentView view, long timestamp) =>
        new(view.Locate, 0, ((timestamp % NanosPerDay) + NanosPerDay) % NanosPerDay);

    public static int WriteDirectory(Span<byte> destination, InstrumentView view, ItchStock stock, long timestamp)
    {
        uint lot = view.LotSize is > 0 and <= uint.MaxValue ? (uint)view.LotSize : 1;
        new StockDirectory(Header(view, timestamp), stock, (byte)'Q', (byte)'N', lot, (byte)'N', (byte)'C', (ushort)('Z' << 8 | ' '),
            (byte)'P', (byte)' ', (byte)' ', (byte)'1', (byte)'N', 0, (byte)'N').Write(destination);
        return StockDirectory.Size;
    }

    /// <summary>H: T when open; H with reason "HALT" when halted, "CLSD" when closed; P (paused) with reason "LUDP"
    /// in a circuit-breaker trading pause, as Nasdaq reports a Limit Up-Limit Down pause.</summary>
    public static int WriteTradingAction(Span<byte> destination, InstrumentView view, ItchStock stock, long timestamp)
    {
        (byte state, uint reason) = view.Status switch
        {
            TradingStatus.Open => ((byte)'T', 0x20202020u),
            TradingStatus.Halted => ((byte)'H', (uint)('H' << 24 | 'A' << 16 | 'L' << 8 | 'T')),
            TradingStatus.Paused => ((byte)'P', (uint)('L' << 24 | 'U' << 16 | 'D' << 8 | 'P')),
            _ => ((byte)'H', (uint)('C' << 24 | 'L' << 16 | 'S' << 8 | 'D')),
        };
        new StockTradingAction(Header(view, timestamp), stock, state, (byte)' ', reason).Write(destination);
        return StockTradingAction.Size;
    }

    /// <summary>The message for one book update: A, E, X or D; 0 if it cannot be encoded.</summary>
    public static int WriteUpdate(Span<byte> destination, InstrumentView view, ItchStock stock, in BookUpdate update, long timestamp)
    {
        var header = Header(view, timestamp);
        ulong reference = (ulong)update.OrderId;
        if (update.Quantity is < 0 or > uint.MaxValue)
        {
            return 0;
        }
        uint shares = (uint)update.Quantity;
        switch (update.Kind)
        {
            case BookUpdateKind.Add:
                if (!ItchPrice.TryFromEngine(update.Price, out uint price))
                {
                    return 0;
                }
                new AddOrder(header, reference, update.Side == Side.Buy ? ItchSide.Buy : ItchSide.Sell, shares, stock, price).Write(destination);
                return AddOrder.Size;
            case BookUpdateKind.Execute:
                new OrderExecuted(header, reference, shares, (ulong)PublicOrderId.Of(view.Shard, update.TradeId)).Write(destination);
                return OrderExecuted.Size;
            case BookUpdateKind.Cancel:
                new OrderCancel(header, reference, shares).Write(destination);
                return OrderCancel.Size;
            case BookUpdateKind.Delete:
                new OrderDelete(header, reference).Write(destination);
                return OrderDelete.Size;
            default:
                return 0;
        }
    }

    public static int WriteSystemEvent(Span<byte> destination, byte code, long timestamp)
    {
        new SystemEvent(new ItchHeader(0, 0, ((timestamp % NanosPerDay) + NanosPerDay) % NanosPerDay), code).Write(destination);
        return SystemEvent.Size;
    }
}
