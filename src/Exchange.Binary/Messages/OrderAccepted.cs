using Exchange.Core.Domain;

namespace Exchange.Binary.Messages;

/// <summary>The order is on the exchange ('A', 112 bytes): sent once it is durable. Offsets: 0 type, 1 side,
/// 2 order type, 3 time in force, 4 flags, 5..7 reserved, 8 timestamp i64 (engine time, ns since the Unix
/// epoch), 16 order id i64 (the exchange's), 24 client order id[32], 56 symbol[16], 72 price i64, 80 stop price
/// i64, 88 quantity i64, 96 leaves quantity i64, 104 display quantity i64.</summary>
public struct OrderAccepted
{
    public const int Length = 112;

    public Side Side;
    public OrderType OrderType;
    public TimeInForce TimeInForce;
    public OrderFlags Flags;
    public long Timestamp;
    public long OrderId;
    public ClientOrderId ClientOrderId;
    public Symbol Symbol;
    public long Price;
    public long StopPrice;
    public long Quantity;
    public long LeavesQuantity;
    public long DisplayQuantity;

    public readonly int WriteTo(Span<byte> m)
    {
        m = m[..Length];
        m[0] = (byte)ServerMessageType.OrderAccepted;
        m[1] = (byte)Side;
        m[2] = (byte)OrderType;
        m[3] = (byte)TimeInForce;
        m[4] = (byte)Flags;
        m[5..8].Clear();
        Wire.I64(m, 8, Timestamp);
        Wire.I64(m, 16, OrderId);
        Wire.Id(m, 24, ClientOrderId);
        Wire.Sym(m, 56, Symbol);
        Wire.I64(m, 72, Price);
        Wire.I64(m, 80, StopPrice);
        Wire.I64(m, 88, Quantity);
        Wire.I64(m, 96, LeavesQuantity);
        Wire.I64(m, 104, DisplayQuantity);
        return Length;
    }

    public static bool TryRead(ReadOnlySpan<byte> m, out OrderAccepted a)
    {
        a = default;
        if (m.Length != Length)
        {
            return false;
        }
        a = new OrderAccepted
        {
            Side = (Side)m[1],
            OrderType = (OrderType)m[2],
            TimeInForce = (TimeInForce)m[3],
            Flags = (OrderFlags)m[4],
            Timestamp = Wire.I64(m, 8),
            OrderId = Wire.I64(m, 16),
            ClientOrderId = Wire.Id(m, 24),
            Symbol = Wire.Sym(m, 56),
            Price = Wire.I64(m, 72),
            StopPrice = Wire.I64(m, 80),
            Quantity = Wire.I64(m, 88),
            LeavesQuantity = Wire.I64(m, 96),
            DisplayQuantity = Wire.I64(m, 104),
        };
        return true;
    }
}
