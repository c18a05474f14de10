using Exchange.Core.Domain;

namespace Exchange.Binary.Messages;

/// <summary>An order left the book without trading its remainder ('C', 96 bytes): cancelled by request, by its
/// time in force, by self-trade prevention, a mass cancel, OCO, or expired (DAY at end of day, GTD).
/// Offsets: 0 type, 1 side, 2 reason u8 (<see cref="CancelReason"/>), 3..7 reserved, 8 timestamp i64, 16 order
/// id i64, 24 client order id[32], 56 symbol[16], 72 canceled quantity i64, 80 filled quantity i64 (cumulative),
/// 88 reserved i64.</summary>
public struct OrderCanceled
{
    public const int Length = 96;

    public Side Side;
    public CancelReason Reason;
    public long Timestamp;
    public long OrderId;
    public ClientOrderId ClientOrderId;
    public Symbol Symbol;
    public long CanceledQuantity;
    public long FilledQuantity;

    public readonly int WriteTo(Span<byte> m)
    {
        m = m[..Length];
        m[0] = (byte)ServerMessageType.OrderCanceled;
        m[1] = (byte)Side;
        m[2] = (byte)Reason;
        m[3..8].Clear();
        Wire.I64(m, 8, Timestamp);
        Wire.I64(m, 16, OrderId);
        Wire.Id(m, 24, ClientOrderId);
        Wire.Sym(m, 56, Symbol);
        Wire.I64(m, 72, CanceledQuantity);
        Wire.I64(m, 80, FilledQuantity);
        Wire.I64(m, 88, 0);
        return Length;
    }

    public static bool TryRead(ReadOnlySpan<byte> m, out OrderCanceled c)
    {
        c = default;
        if (m.Length != Length)
        {
            return false;
        }
        c = new OrderCanceled
        {
            Side = (Side)m[1],
            Reason = (CancelReason)m[2],
            Timestamp = Wire.I64(m, 8),
            OrderId = Wire.I64(m, 16),
            ClientOrderId = Wire.Id(m, 24),
            Symbol = Wire.Sym(m, 56),
            CanceledQuantity = Wire.I64(m, 72),
            FilledQuantity = Wire.I64(m, 80),
        };
        return true;
    }
}
