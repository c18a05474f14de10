using System.Buffers.Binary;

namespace Exchange.MarketData.Itch;

/// <summary>H, 25 bytes: header; stock (8) at 11; trading state (1) 19 — H halted, P paused, Q quotation only,
/// T trading; reserved (1) 20; reason (4 ASCII, kept raw) 21.</summary>
public readonly record struct StockTradingAction(ItchHeader Header, ItchStock Stock, byte TradingState, byte Reserved, uint Reason)
{
    public const int Size = 25;

    public void Write(Span<byte> destination)
    {
        Header.Write(destination, ItchMessageType.StockTradingAction);
        Stock.Write(destination[11..]);
        destination[19] = TradingState;
        destination[20] = Reserved;
        BinaryPrimitives.WriteUInt32BigEndian(destination[21..], Reason);
    }

    public static bool TryRead(ReadOnlySpan<byte> source, out StockTradingAction message)
    {
        message = default;
        if (!ItchHeader.Fits(source, ItchMessageType.StockTradingAction, Size))
        {
            return false;
        }
        message = new StockTradingAction(
            ItchHeader.Read(source), ItchStock.Read(source[11..]), source[19], source[20], BinaryPrimitives.ReadUInt32BigEndian(source[21..]));
        return true;
    }
}
