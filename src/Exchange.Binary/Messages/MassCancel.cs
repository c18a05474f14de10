using Exchange.Core.Domain;

namespace Exchange.Binary.Messages;

/// <summary>Cancel every working order of the account, of one symbol or of all ('M', 24 bytes). Offsets: 0 type,
/// 1..7 reserved, 8 symbol[16] (all zero = every symbol).</summary>
public struct MassCancel
{
    public const int Length = 24;

    /// <summary>Empty for every symbol.</summary>
    public Symbol Symbol;

    public readonly int WriteTo(Span<byte> m)
    {
        m = m[..Length];
        m[..8].Clear();
        m[0] = (byte)ClientMessageType.MassCancel;
        Wire.Sym(m, 8, Symbol);
        return Length;
    }

    public static bool TryRead(ReadOnlySpan<byte> m, out MassCancel cancel)
    {
        cancel = default;
        if (m.Length != Length || !Wire.IsInlineAscii(m.Slice(8, 16), true))
        {
            return false;
        }
        cancel = new MassCancel { Symbol = Wire.Sym(m, 8) };
        return true;
    }
}
