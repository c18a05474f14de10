using System.Buffers.Binary;

namespace Exchange.MarketData.Mold;

/// <summary>Packs messages into one MoldUDP64 packet in a caller-owned buffer whose length is the maximum
/// packet size (e.g. 1,400 bytes to stay under a typical MTU). Allocation-free; not thread-safe.
/// Call <see cref="Complete"/> to write the header, then start a new writer at <see cref="NextSequenceNumber"/>.</summary>
public ref struct MoldPacketWriter
{
    /// <summary>Bytes of the length before each message.</summary>
    public const int LengthPrefixSize = 2;

    // 0xFFFF means end of session, so a packet can never carry that many messages.
    private const int MaxMessages = MoldPacketHeader.EndOfSessionCount - 1;

    private readonly Span<byte> _buffer;
    private readonly MoldSession _session;
    private readonly ulong _firstSequenceNumber;
    private int _length;
    private int _count;

    /// <summary><paramref name="buffer"/> must hold at least the 20-byte header.</summary>
    public MoldPacketWriter(Span<byte> buffer, MoldSession session, ulong firstSequenceNumber)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buffer.Length, MoldPacketHeader.Size);
        _buffer = buffer;
        _session = session;
        _firstSequenceNumber = firstSequenceNumber;
        _length = MoldPacketHeader.Size;
        _count = 0;
    }

    public readonly int MessageCount => _count;

    /// <summary>Bytes written so far, header included.</summary>
    public readonly int Length => _length;

    /// <summary>The sequence number the next message added (here or in the next packet) will have.</summary>
    public readonly ulong NextSequenceNumber => _firstSequenceNumber + (ulong)_count;

    /// <summary>Reserves room for a message of <paramref name="length"/> bytes and hands back where to write it;
    /// false, with nothing changed, when it does not fit (the packet is full).</summary>
    public bool TryReserve(int length, out Span<byte> destination)
    {
        destination = default;
        if (length is < 0 or > ushort.MaxValue || _count == MaxMessages || _buffer.Length - _length < LengthPrefixSize + length)
        {
            return false;
        }
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[_length..], (ushort)length);
        destination = _buffer.Slice(_length + LengthPrefixSize, length);
        _length += LengthPrefixSize + length;
        _count++;
        return true;
    }

    /// <summary>Copies <paramref name="message"/> in; false when it does not fit.</summary>
    public bool TryAdd(ReadOnlySpan<byte> message)
    {
        if (!TryReserve(message.Length, out var destination))
        {
            return false;
        }
        message.CopyTo(destination);
        return true;
    }

    /// <summary>Writes the header and returns the packet's length. A packet with no messages is a heartbeat.</summary>
    public readonly int Complete()
    {
        new MoldPacketHeader(_session, _firstSequenceNumber, (ushort)_count).Write(_buffer);
        return _length;
    }

    /// <summary>Writes a 20-byte heartbeat announcing <paramref name="nextSequenceNumber"/>.</summary>
    public static int WriteHeartbeat(Span<byte> destination, MoldSession session, ulong nextSequenceNumber)
    {
        new MoldPacketHeader(session, nextSequenceNumber, MoldPacketHeader.HeartbeatCount).Write(destination);
        return MoldPacketHeader.Size;
    }

    /// <summary>Writes a 20-byte end-of-session packet; <paramref name="nextSequenceNumber"/> is one past the last message.</summary>
    public static int WriteEndOfSession(Span<byte> destination, MoldSession session, ulong nextSequenceNumber)
    {
        new MoldPacketHeader(session, nextSequenceNumber, MoldPacketHeader.EndOfSessionCount).Write(destination);
        return MoldPacketHeader.Size;
    }
}
