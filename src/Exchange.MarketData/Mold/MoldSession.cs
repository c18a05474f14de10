using System.Buffers.Binary;

namespace Exchange.MarketData.Mold;

/// <summary>A MoldUDP64 session name: 10 ASCII bytes, space-padded on the right, held as two integers
/// (bytes 0–7 and 8–9 big-endian) so it compares without allocating.</summary>
public readonly record struct MoldSession(ulong High, ushort Low)
{
    /// <summary>Bytes on the wire.</summary>
    public const int Size = 10;

    /// <summary>Fails on more than 10 characters or non-printable ASCII.</summary>
    public static bool TryCreate(ReadOnlySpan<char> name, out MoldSession session)
    {
        session = default;
        if (name.Length > Size)
        {
            return false;
        }
        Span<byte> bytes = stackalloc byte[Size];
        for (int i = 0; i < Size; i++)
        {
            char c = i < name.Length ? name[i] : ' ';
            if (c < 0x20 || c > 0x7E)
            {
                return false;
            }
            bytes[i] = (byte)c;
        }
        session = Read(bytes);
        return true;
    }

    /// <summary><see cref="TryCreate"/> or throws <see cref="ArgumentException"/>.</summary>
    public static MoldSession Create(string name) =>
        TryCreate(name, out MoldSession s) ? s : throw new ArgumentException($"Invalid MoldUDP64 session '{name}'", nameof(name));

    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, High);
        BinaryPrimitives.WriteUInt16BigEndian(destination[8..], Low);
    }

    public static MoldSession Read(ReadOnlySpan<byte> source) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(source), BinaryPrimitives.ReadUInt16BigEndian(source[8..]));

    /// <summary>The name without its padding.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Size];
        Write(bytes);
        Span<char> chars = stackalloc char[Size];
        for (int i = 0; i < Size; i++)
        {
            chars[i] = (char)bytes[i];
        }
        return new string(chars.TrimEnd(' '));
    }
}
