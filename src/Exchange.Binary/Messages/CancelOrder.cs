using Exchange.Core.Domain;

namespace Exchange.Binary.Messages;

/// <summary>Cancel a working order ('X', 56 bytes). Offsets: 0 type, 1..7 reserved, 8 client order id of the
/// order[32], 40 symbol[16].</summary>
public struct CancelOrder
{
    public const int Length = 56;

    public ClientOrderId ClientOrderId;
    public Symbol Symbol;

    public readonly int WriteTo(Span<byte> m)
    {
        m = m[..Length];
        m[..8].Clear();
        m[0] = (byte)ClientMessageType.CancelOrder;
        Wire.Id(m, 8, ClientOrderId);
        Wire.Sym(m, 40, Symbol);
        return Length;
    }

    public static bool TryRead(ReadOnlySpan<byte> m, out CancelOrder cancel)
    {
        cancel = default;
        if (m.Length != Length || !Wire.IsInlineAscii(m.Slice(8, 32), false) || !Wire.IsInlineAscii(m.Slice(40, 16), false))
        {
            return false;
        }
        cancel = new CancelOrder { ClientOrderId = Wire.Id(m, 8), Symbol = Wire.Sym(m, 40) };
        return true;
    }
}
