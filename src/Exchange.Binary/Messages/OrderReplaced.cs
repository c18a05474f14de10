using Exchange.Core.Domain;

namespace Exchange.Binary.Messages;

/// <summary>An order was replaced ('U', 152 bytes). Offsets: 0 type, 1 side, 2 priority kept u8 (1 = kept its
/// time priority), 3..7 reserved, 8 timestamp i64, 16 order id i64 (unchanged), 24 client order id[32] (the new
/// one), 56 previous client order id[32], 88 symbol[16], 104 price i64, 112 stop price i64, 120 quantity i64
/// (new total), 128 leaves quantity i64, 136 filled quantity i64, 144 display quantity i64.</summary>
public struct OrderReplaced
{
    public const int Length = 152;

    public Side Side;
    public bool PriorityKept;
    public long Timestamp;
    public long OrderId;
    public ClientOrderId ClientOrderId;
    public ClientOrderId OrigClientOrderId;
    public Symbol Symbol;
    public long Price;
    public long StopPrice;
    public long Quantity;
    public long LeavesQuantity;
    public long FilledQuantity;
    public long DisplayQuantity;

    public readonly int WriteTo(Span<byte> m)
    {
        m = m[..Length];
        m[0] = (byte)ServerMessageType.OrderReplaced;
        m[1] = (byte)Side;
        m[2] = PriorityKept ? (byte)1 : (byte)0;
        m[3..8].Clear();
        Wire.I64(m, 8, Timestamp);
        Wire.I64(m, 16, OrderId);
        Wire.Id(m, 24, ClientOrderId);
        Wire.Id(m, 56, OrigClientOrderId);
        Wire.Sym(m, 88, Symbol);
        Wire.I64(m, 104, Price);
        Wire.I64(m, 112, StopPrice);
        Wire.I64(m, 120, Quantity);
        Wire.I64(m, 128, LeavesQuantity);
        Wire.I64(m, 136, FilledQuantity);
        Wire.I64(m, 144, DisplayQuantity);
        return Length;
    }

    public static bool TryRead(ReadOnlySpan<byte> m, out OrderReplaced r)
    {
        r = default;
        if (m.Length != Length)
        {
            return false;
        }
        r = new OrderReplaced
        {
            Side = (Side)m[1],
            PriorityKept = m[2] != 0,
            Timestamp = Wire.I64(m, 8),
            OrderId = Wire.I64(m, 16),
            ClientOrderId = Wire.Id(m, 24),
            OrigClientOrderId = Wire.Id(m, 56),
            Symbol = Wire.Sym(m, 88),
            Price = Wire.I64(m, 104),
            StopPrice = Wire.I64(m, 112),
            Quantity = Wire.I64(m, 120),
            LeavesQuantity = Wire.I64(m, 128),
            FilledQuantity = Wire.I64(m, 136),
            DisplayQuantity = Wire.I64(m, 144),
        };
        return true;
    }
}
