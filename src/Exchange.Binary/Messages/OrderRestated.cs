using Exchange.Core.Domain;

namespace Exchange.Binary.Messages;

/// <summary>A working order changed without a trade ('R', 112 bytes). Offsets: 0 type, 1 side, 2 reason u8
/// (<see cref="RestatementReason"/>), 3..7 reserved, 8 timestamp i64, 16 order id i64, 24 client order id[32],
/// 56 symbol[16], 72 price i64, 80 quantity i64 (Reduced: the reduction; otherwise the order's total), 88 leaves
/// quantity i64, 96 filled quantity i64, 104 display quantity i64.</summary>
public struct OrderRestated
{
    public const int Length = 112;

    public Side Side;
    public RestatementReason Reason;
    public long Timestamp;
    public long OrderId;
    public ClientOrderId ClientOrderId;
    public Symbol Symbol;
    public long Price;
    public long Quantity;
    public long LeavesQuantity;
    public long FilledQuantity;
    public long DisplayQuantity;

    public readonly int WriteTo(Span<byte> m)
    {
        m = m[..Length];
        m[0] = (byte)ServerMessageType.OrderRestated;
        m[1] = (byte)Side;
        m[2] = (byte)Reason;
        m[3..8].Clear();
        Wire.I64(m, 8, Timestamp);
        Wire.I64(m, 16, OrderId);
        Wire.Id(m, 24, ClientOrderId);
        Wire.Sym(m, 56, Symbol);
        Wire.I64(m, 72, Price);
        Wire.I64(m, 80, Quantity);
        Wire.I64(m, 88, LeavesQuantity);
        Wire.I64(m, 96, FilledQuantity);
        Wire.I64(m, 104, DisplayQuantity);
        return Length;
    }

    public static bool TryRead(ReadOnlySpan<byte> m, out OrderRestated r)
    {
        r = default;
        if (m.Length != Length)
        {
            return false;
        }
        r = new OrderRestated
        {
            Side = (Side)m[1],
            Reason = (RestatementReason)m[2],
            Timestamp = Wire.I64(m, 8),
            OrderId = Wire.I64(m, 16),
            ClientOrderId = Wire.Id(m, 24),
            Symbol = Wire.Sym(m, 56),
            Price = Wire.I64(m, 72),
            Quantity = Wire.I64(m, 80),
            LeavesQuantity = Wire.I64(m, 88),
            FilledQuantity = Wire.I64(m, 96),
            DisplayQuantity = Wire.I64(m, 104),
        };
        return true;
    }
}
