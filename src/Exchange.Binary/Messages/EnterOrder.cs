using Exchange.Core.Domain;

namespace Exchange.Binary.Messages;

/// <summary>Enter a new order ('O', 128 bytes). Offsets: 0 type, 1 side, 2 order type, 3 time in force,
/// 4 self-trade prevention, 5 flags (bit 0 post-only), 6..7 reserved, 8 client order id[32], 40 symbol[16],
/// 56 price i64, 64 stop price i64, 72 quantity i64, 80 display quantity i64 (0 = all), 88 expire time i64
/// (ns since the Unix epoch, GTD only), 96 OCO partner client order id[32] (zero = none).</summary>
public struct EnterOrder
{
    public const int Length = 128;

    public ClientOrderId ClientOrderId;
    public Symbol Symbol;
    public Side Side;
    public OrderType OrderType;
    public TimeInForce TimeInForce;
    public SelfTradePrevention SelfTradePrevention;
    public OrderFlags Flags;
    public long Price;
    public long StopPrice;
    public long Quantity;
    public long DisplayQuantity;
    public long ExpireTime;
    public ClientOrderId OcoPartner;

    public readonly int WriteTo(Span<byte> m)
    {
        m = m[..Length];
        m[0] = (byte)ClientMessageType.EnterOrder;
        m[1] = (byte)Side;
        m[2] = (byte)OrderType;
        m[3] = (byte)TimeInForce;
        m[4] = (byte)SelfTradePrevention;
        m[5] = (byte)Flags;
        m[6] = 0;
        m[7] = 0;
        Wire.Id(m, 8, ClientOrderId);
        Wire.Sym(m, 40, Symbol);
        Wire.I64(m, 56, Price);
        Wire.I64(m, 64, StopPrice);
        Wire.I64(m, 72, Quantity);
        Wire.I64(m, 80, DisplayQuantity);
        Wire.I64(m, 88, ExpireTime);
        Wire.Id(m, 96, OcoPartner);
        return Length;
    }

    /// <summary>Reads a message; false if the length or a field's domain is wrong (the engine validates the rest).</summary>
    public static bool TryRead(ReadOnlySpan<byte> m, out EnterOrder order)
    {
        order = default;
        if (m.Length != Length || m[1] is < 1 or > 2 || m[2] is < 1 or > 4 || m[3] is < 1 or > 5 || m[4] > 4 || m[5] > 1
            || !Wire.IsInlineAscii(m.Slice(8, 32), false) || !Wire.IsInlineAscii(m.Slice(40, 16), false) || !Wire.IsInlineAscii(m.Slice(96, 32), true))
        {
            return false;
        }
        order = new EnterOrder
        {
            Side = (Side)m[1],
            OrderType = (OrderType)m[2],
            TimeInForce = (TimeInForce)m[3],
            SelfTradePrevention = (SelfTradePrevention)m[4],
            Flags = (OrderFlags)m[5],
            ClientOrderId = Wire.Id(m, 8),
            Symbol = Wire.Sym(m, 40),
            Price = Wire.I64(m, 56),
            StopPrice = Wire.I64(m, 64),
            Quantity = Wire.I64(m, 72),
            DisplayQuantity = Wire.I64(m, 80),
            ExpireTime = Wire.I64(m, 88),
            OcoPartner = Wire.Id(m, 96),
        };
        return true;
    }
}
