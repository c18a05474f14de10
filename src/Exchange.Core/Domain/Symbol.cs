using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Exchange.Core.Domain;

/// <summary>An instrument symbol: 1 to 16 printable ASCII characters held inline (no heap), so commands and
/// events stay plain structs that can be copied into ring slots and journal records.</summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Symbol : IEquatable<Symbol>
{
    public const int MaxLength = 16;

    private readonly ulong _a;
    private readonly ulong _b;

    private Symbol(ulong a, ulong b)
    {
        _a = a;
        _b = b;
    }

    public bool IsEmpty => _a == 0;

    /// <summary>Parses a symbol; fails for empty, too long or non-printable-ASCII text.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Symbol symbol)
    {
        Span<byte> bytes = stackalloc byte[MaxLength];
        if (text.Length == 0 || !InlineAscii.TryPack(text, bytes))
        {
            symbol = default;
            return false;
        }
        symbol = ReadFrom(bytes);
        return true;
    }

    /// <summary>Parses a symbol or throws <see cref="ArgumentException"/> (for configuration and tests).</summary>
    public static Symbol Parse(string text) =>
        TryParse(text, out var s) ? s : throw new ArgumentException($"Invalid symbol '{text}'", nameof(text));

    public bool Equals(Symbol other) => _a == other._a && _b == other._b;

    public override bool Equals(object? obj) => obj is Symbol other && Equals(other);

    public override int GetHashCode() => (int)InlineAscii.Mix(_a, _b);

    public static bool operator ==(Symbol left, Symbol right) => left.Equals(right);

    public static bool operator !=(Symbol left, Symbol right) => !left.Equals(right);

    /// <summary>Writes the 16 raw bytes (zero padded) for hashing and binary encodings.</summary>
    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination, _a);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], _b);
    }

    /// <summary>Reads 16 raw bytes written by <see cref="WriteTo"/>.</summary>
    public static Symbol ReadFrom(ReadOnlySpan<byte> source) =>
        new(BinaryPrimitives.ReadUInt64LittleEndian(source), BinaryPrimitives.ReadUInt64LittleEndian(source[8..]));

    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[MaxLength];
        WriteTo(bytes);
        return Encoding.ASCII.GetString(bytes[..InlineAscii.Length(bytes)]);
    }
}
