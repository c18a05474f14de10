using Exchange.Core.Domain;

namespace Exchange.Binary.Messages;

/// <summary>One of the account's orders traded ('E', 112 bytes). A trade between two orders of the same account
/// gives two of these. Offsets: 0 type, 1 side (of this order), 2 liquidity ('A' maker, 'R' taker), 3..7
/// reserved, 8 timestamp i64, 16 order id i64, 24 client order id[32], 56 symbol[16], 72 trade id i64, 80 price
/// i64, 88 quantity i64 (this fill), 96 leaves quantity i64, 104 filled quantity i64 (cumulative).</summary>
public struct OrderExecuted
{
    public const int Length = 112;

    public Side Side;
    public Liquidity Liquidity;
    public long Timestamp;
    public long OrderId;
    public ClientOrderId ClientOrderId;
    public Symbol Symbol;
    public long TradeId;
    public long Price;
    public long Quantity;
    public long LeavesQuantity;
    public long FilledQuantity;

    public readonly int WriteTo(Span<byte> m)
    {
        m = m[..Length];
        m[0] = (byte)ServerMessageType.OrderExecuted;
        m[1] = (byte)Side;
        m[2] = (byte)Liquidity;
        m[3..8].Clear();
        Wire.I64(m, 8, Timestamp);
        Wire.I64(m, 16, OrderId);
        Wire.Id(m, 24, ClientOrderId);
        Wire.Sym(m, 56, Symbol);
        Wire.I64(m, 72, TradeId);
        Wire.I64(m, 80, Price);
        Wire.I64(m, 88, Quantity);
        Wire.I64(m, 96, LeavesQuantity);
        Wire.I64(m, 104, FilledQuantity);
        return Length;
    }

    public static bool TryRead(ReadOnlySpan<byte> m, out OrderExecuted e)
    {
        e = default;
        if (m.Length != Length)
        {
            return false;
        }
        e = new OrderExecuted
        {
            Side = (Side)m[1],
            Liquidity = (Liquidity)m[2],
            Timestamp = Wire.I64(m, 8),
            OrderId = Wire.I64(m, 16),
            ClientOrderId = Wire.Id(m, 24),
            Symbol = Wire.Sym(m, 56),
            TradeId = Wire.I64(m, 72),
            Price = Wire.I64(m, 80),
            Quantity = Wire.I64(m, 88),
            LeavesQuantity = Wire.I64(m, 96),
            FilledQuantity = Wire.I64(m, 104),
        };
        return true;
    }
}
