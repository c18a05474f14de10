using Exchange.Core.Domain;

namespace Exchange.Binary.Messages;

/// <summary>A mass cancel finished ('K', 40 bytes); each order it cancelled was reported by its own
/// <see cref="OrderCanceled"/> before. Offsets: 0 type, 1..7 reserved, 8 timestamp i64, 16 symbol[16] (zero =
/// every symbol), 32 count i64 (orders cancelled).</summary>
public struct MassCanceled
{
    public const int Length = 40;

    public long Timestamp;
    public Symbol Symbol;
    public long Count;

    public readonly int WriteTo(Span<byte> m)
    {
        m = m[..Length];
        m[0] = (byte)ServerMessageType.MassCanceled;
        m[1..8].Clear();
        Wire.I64(m, 8, Timestamp);
        Wire.Sym(m, 16, Symbol);
        Wire.I64(m, 32, Count);
        return Length;
    }

    public static bool TryRead(ReadOnlySpan<byte> m, out MassCanceled k)
    {
        k = default;
        if (m.Length != Length)
        {
            return false;
        }
        k = new MassCanceled { Timestamp = Wire.I64(m, 8), Symbol = Wire.Sym(m, 16), Count = Wire.I64(m, 32) };
        return true;
    }
}
