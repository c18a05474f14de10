using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Exchange.Core.Domain;

namespace Exchange.Binary.Messages;

/// <summary>Little-endian field access at fixed offsets, shared by the message layouts.</summary>
internal static class Wire
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64(ReadOnlySpan<byte> m, int offset) => BinaryPrimitives.ReadInt64LittleEndian(m[offset..]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void I64(Span<byte> m, int offset, long value) => BinaryPrimitives.WriteInt64LittleEndian(m[offset..], value);

    public static ClientOrderId Id(ReadOnlySpan<byte> m, int offset) => ClientOrderId.ReadFrom(m.Slice(offset, ClientOrderId.MaxLength));

    public static void Id(Span<byte> m, int offset, ClientOrderId value) => value.WriteTo(m.Slice(offset, ClientOrderId.MaxLength));

    public static Symbol Sym(ReadOnlySpan<byte> m, int offset) => Symbol.ReadFrom(m.Slice(offset, Symbol.MaxLength));

    public static void Sym(Span<byte> m, int offset, Symbol value) => value.WriteTo(m.Slice(offset, Symbol.MaxLength));

    /// <summary>An id or symbol field is valid when it is printable ASCII, left-aligned and zero-padded (what
    /// <see cref="ClientOrderId.WriteTo"/> writes); <paramref name="allowEmpty"/> for optional fields.</summary>
    public static bool IsInlineAscii(ReadOnlySpan<byte> field, bool allowEmpty)
    {
        int end = field.IndexOf((byte)0);
        if (end < 0)
        {
            end = field.Length;
        }
        if (end == 0 && !allowEmpty)
        {
            return false;
        }
        foreach (byte b in field[..end])
        {
            if (b is < 0x21 or > 0x7e)
            {
                return false;
            }
        }
        return !field[end..].ContainsAnyExcept((byte)0);
    }
}
