using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Exchange.Core.Domain;

/// <summary>A client's order id: 1 to 32 printable ASCII characters held inline (no heap). Long enough for
/// FIX ClOrdIDs as venues limit them (CME 20, OUCH 14) and for a UUID written without hyphens.</summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct ClientOrderId : IEquatable<ClientOrderId>
{
    public const int MaxLength = 32;

    private readonly ulong _a;
    private readonly ulong _b;
    private readonly ulong _c;
    private readonly ulong _d;

    private ClientOrderId(ulong a, ulong b, ulong c, ulong d)
    {
        _a = a;
        _b = b;
        _c = c;
        _d = d;
    }

    public bool IsEmpty => _a == 0;

    /// <summary>Parses a client order id; fails for empty, too long or non-printable-ASCII text.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out ClientOrderId id)
    {
        Span<byte> bytes = stackalloc byte[MaxLength];
        if (text.Length == 0 || !InlineAscii.TryPack(text, bytes))
        {
            id = default;
            return false;
        }
        id = ReadFrom(bytes);
        return true;
    }

    /// <summary>Parses or throws <see cref="ArgumentException"/> (for tests and tools).</summary>
    public static ClientOrderId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new ArgumentException($"Invalid client order id '{text}'", nameof(text));

    /// <summary>An id made from a number, written in decimal: cheap, allocation-free ids for generated workloads.</summary>
    public static ClientOrderId FromNumber(long value)
    {
        Span<char> chars = stackalloc char[20];
        value.TryFormat(chars, out int written, provider: System.Globalization.CultureInfo.InvariantCulture);
        TryParse(chars[..written], out var id);
        return id;
    }

    public bool Equals(ClientOrderId other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;

    public override bool Equals(object? obj) => obj is ClientOrderId other && Equals(other);

    public override int GetHashCode() => (int)Hash64();

    /// <summary>A deterministic 64-bit hash of the id (the engine's client-id index fingerprints keys with it).</summary>
    internal ulong Hash64() => InlineAscii.Mix(InlineAscii.Mix(_a, _b), InlineAscii.Mix(_c, _d));

    public static bool operator ==(ClientOrderId left, ClientOrderId right) => left.Equals(right);

    public static bool operator !=(ClientOrderId left, ClientOrderId right) => !left.Equals(right);

    /// <summary>Writes the 32 raw bytes (zero padded).</summary>
    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination, _a);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], _b);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], _c);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], _d);
    }

    /// <summary>Reads 32 raw bytes written by <see cref="WriteTo"/>.</summary>
    public static ClientOrderId ReadFrom(ReadOnlySpan<byte> source) => new(
        BinaryPrimitives.ReadUInt64LittleEndian(source),
        BinaryPrimitives.ReadUInt64LittleEndian(source[8..]),
        BinaryPrimitives.ReadUInt64LittleEndian(source[16..]),
        BinaryPrimitives.ReadUInt64LittleEndian(source[24..]));

    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[MaxLength];
        WriteTo(bytes);
        return Encoding.ASCII.GetString(bytes[..InlineAscii.Length(bytes)]);
    }
}
