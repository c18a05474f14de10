using System.Buffers.Binary;

namespace Exchange.MarketData.Itch;

/// <summary>Walks a buffer of ITCH messages, each preceded by a big-endian u16 length. A zero length
/// (as in the RITCH sample files) means "take the length from the type". Never throws on bad data:
/// every problem is an <see cref="ItchReadStatus"/>. Allocation-free; not thread-safe.</summary>
public ref struct ItchReader
{
    /// <summary>Bytes of the length prefix before each message.</summary>
    public const int PrefixSize = 2;

    private readonly ReadOnlySpan<byte> _buffer;
    private int _position;

    public ItchReader(ReadOnlySpan<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
    }

    /// <summary>Offset of the next unread length prefix; after <see cref="ItchReadStatus.Truncated"/> or
    /// <see cref="ItchReadStatus.Unsynchronized"/>, the offset of the message that could not be read.</summary>
    public readonly int Position => _position;

    /// <summary>Reads the next message. <paramref name="message"/> is its bytes (type byte first) for
    /// <see cref="ItchReadStatus.Message"/>, <see cref="ItchReadStatus.UnknownType"/> and
    /// <see cref="ItchReadStatus.LengthMismatch"/>; empty otherwise.</summary>
    public ItchReadStatus Read(out ReadOnlySpan<byte> message)
    {
        message = default;
        int remaining = _buffer.Length - _position;
        if (remaining == 0)
        {
            return ItchReadStatus.End;
        }
        // The type byte is needed even when the prefix gives the length, to classify the message.
        if (remaining < PrefixSize + 1)
        {
            return ItchReadStatus.Truncated;
        }
        int prefix = BinaryPrimitives.ReadUInt16BigEndian(_buffer[_position..]);
        byte type = _buffer[_position + PrefixSize];
        int known = ItchMessageLength.Of(type);
        int length = prefix != 0 ? prefix : known;
        if (length == 0)
        {
            return ItchReadStatus.Unsynchronized;
        }
        if (remaining - PrefixSize < length)
        {
            return ItchReadStatus.Truncated;
        }
        message = _buffer.Slice(_position + PrefixSize, length);
        _position += PrefixSize + length;
        if (known == 0)
        {
            return ItchReadStatus.UnknownType;
        }
        return length == known ? ItchReadStatus.Message : ItchReadStatus.LengthMismatch;
    }
}
