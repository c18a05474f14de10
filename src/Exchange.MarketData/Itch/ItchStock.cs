using System.Buffers.Binary;

namespace Exchange.MarketData.Itch;

/// <summary>An ITCH stock symbol: 8 ASCII bytes, left-aligned and space-padded, kept as one big-endian
/// <c>ulong</c> so it compares and hashes without allocating.</summary>
public readonly record struct ItchStock(ulong Raw)
{
    /// <summary>Bytes on the wire.</summary>
    public const int Size = 8;

    /// <summary>Pads <paramref name="symbol"/> with spaces; fails on more than 8 characters or non-printable ASCII.</summary>
    public static bool TryCreate(ReadOnlySpan<char> symbol, out ItchStock stock)
    {
        stock = default;
        if (symbol.Length > Size)
        {
            return false;
        }
        ulong raw = 0;
        for (int i = 0; i < Size; i++)
        {
            char c = i < symbol.Length ? symbol[i] : ' ';
            if (c < 0x20 || c > 0x7E)
            {
                return false;
            }
            raw = (raw << 8) | c;
        }
        stock = new ItchStock(raw);
        return true;
    }

    /// <summary><see cref="TryCreate"/> or throws <see cref="ArgumentException"/> (for tests and configuration).</summary>
    public static ItchStock Create(string symbol) =>
        TryCreate(symbol, out ItchStock s) ? s : throw new ArgumentException($"Invalid ITCH stock '{symbol}'", nameof(symbol));

    /// <summary>Writes the 8 bytes.</summary>
    public void Write(Span<byte> destination) => BinaryPrimitives.WriteUInt64BigEndian(destination, Raw);

    /// <summary>Reads the 8 bytes.</summary>
    public static ItchStock Read(ReadOnlySpan<byte> source) => new(BinaryPrimitives.ReadUInt64BigEndian(source));

    /// <summary>The symbol without its padding.</summary>
    public override string ToString()
    {
        Span<char> chars = stackalloc char[Size];
        for (int i = 0; i < Size; i++)
        {
            chars[i] = (char)(byte)(Raw >> (8 * (Size - 1 - i)));
        }
        return new string(chars.TrimEnd(' '));
    }
}
