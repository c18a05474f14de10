using Exchange.Core.Domain;

namespace Exchange.Binary.Messages;

/// <summary>Replace (amend) a working order ('U', 112 bytes). Offsets: 0 type, 1..7 reserved, 8 client order id
/// of the order[32], 40 new client order id[32], 72 symbol[16], 88 price i64, 96 stop price i64, 104 quantity
/// i64 (the new total, including what has already been filled). A replace that only lowers the quantity keeps
/// time priority (docs/matching-rules.md).</summary>
public struct ReplaceOrder
{
    public const int Length = 112;

    public ClientOrderId ClientOrderId;
    public ClientOrderId NewClientOrderId;
    public Symbol Symbol;
    public long Price;
    public long StopPrice;
    public long Quantity;

    public readonly int WriteTo(Span<byte> m)
    {
        m = m[..Length];
        m[..8].Clear();
        m[0] = (byte)ClientMessageType.ReplaceOrder;
        Wire.Id(m, 8, ClientOrderId);
        Wire.Id(m, 40, NewClientOrderId);
        Wire.Sym(m, 72, Symbol);
        Wire.I64(m, 88, Price);
        Wire.I64(m, 96, StopPrice);
        Wire.I64(m, 104, Quantity);
        return Length;
    }

    public static bool TryRead(ReadOnlySpan<byte> m, out ReplaceOrder replace)
    {
        replace = default;
        if (m.Length != Length || !Wire.IsInlineAscii(m.Slice(8, 32), false) || !Wire.IsInlineAscii(m.Slice(40, 32), false)
            || !Wire.IsInlineAscii(m.Slice(72, 16), false))
        {
            return false;
        }
        replace = new ReplaceOrder
        {
            ClientOrderId = Wire.Id(m, 8),
            NewClientOrderId = Wire.Id(m, 40),
            Symbol = Wire.Sym(m, 72),
            Price = Wire.I64(m, 88),
            StopPrice = Wire.I64(m, 96),
            Quantity = Wire.I64(m, 104),
        };
        return true;
    }
}
