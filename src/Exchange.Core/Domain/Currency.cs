using System.Text;

namespace Exchange.Core.Domain;

/// <summary>A currency code: 1 to 4 printable ASCII characters (e.g. "USD") packed into 4 bytes, so it fits in
/// commands, journal records and events inline. The default value is empty ("the engine's default currency").</summary>
public readonly struct Currency : IEquatable<Currency>
{
    public const int MaxLength = 4;

    /// <summary>The settlement currency of instruments declared without one.</summary>
    public static readonly Currency Default = Parse("USD");

    private Currency(uint value) => Value = value;

    /// <summary>The four raw bytes (zero padded), little-endian: the journal and snapshot encoding.</summary>
    public uint Value { get; }

    public bool IsEmpty => Value == 0;

    public static Currency FromValue(uint value) => new(value);

    /// <summary>Parses a code; fails for empty, too long or non-printable-ASCII text.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Currency currency)
    {
        Span<byte> bytes = stackalloc byte[MaxLength];
        if (text.Length == 0 || !InlineAscii.TryPack(text, bytes))
        {
            currency = default;
            return false;
        }
        currency = new Currency(System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes));
        return true;
    }

    /// <summary>Parses a code or throws <see cref="ArgumentException"/> (for configuration and tests).</summary>
    public static Currency Parse(string text) =>
        TryParse(text, out var c) ? c : throw new ArgumentException($"Invalid currency '{text}'", nameof(text));

    public bool Equals(Currency other) => Value == other.Value;

    public override bool Equals(object? obj) => obj is Currency other && Equals(other);

    public override int GetHashCode() => (int)Value;

    public static bool operator ==(Currency left, Currency right) => left.Equals(right);

    public static bool operator !=(Currency left, Currency right) => !left.Equals(right);

    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[MaxLength];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes, Value);
        return Encoding.ASCII.GetString(bytes[..InlineAscii.Length(bytes)]);
    }
}
