using System.Buffers.Binary;

namespace Exchange.MarketData.Mold;

/// <summary>Reads one MoldUDP64 packet: the header, then each message with its sequence number.
/// Never throws on bad data. Allocation-free; not thread-safe.</summary>
public ref struct MoldPacketReader
{
    private readonly ReadOnlySpan<byte> _packet;
    private int _position;
    private int _read;

    private MoldPacketReader(ReadOnlySpan<byte> packet, MoldPacketHeader header)
    {
        _packet = packet;
        Header = header;
        _position = MoldPacketHeader.Size;
        _read = 0;
    }

    public MoldPacketHeader Header { get; }

    /// <summary>Messages the header announces: 0 for a heartbeat and for end of session.</summary>
    public readonly int AnnouncedMessages => Header.IsEndOfSession ? 0 : Header.MessageCount;

    /// <summary>False when <paramref name="packet"/> is shorter than the header.</summary>
    public static bool TryCreate(ReadOnlySpan<byte> packet, out MoldPacketReader reader)
    {
        if (!MoldPacketHeader.TryRead(packet, out var header))
        {
            reader = default;
            return false;
        }
        reader = new MoldPacketReader(packet, header);
        return true;
    }

    /// <summary>The next message and its sequence number (the header's plus its index in the packet).</summary>
    public MoldReadStatus Read(out ReadOnlySpan<byte> message, out ulong sequenceNumber)
    {
        message = default;
        sequenceNumber = Header.SequenceNumber + (ulong)_read;
        if (_read >= AnnouncedMessages)
        {
            return MoldReadStatus.End;
        }
        int remaining = _packet.Length - _position;
        if (remaining < MoldPacketWriter.LengthPrefixSize)
        {
            return MoldReadStatus.Truncated;
        }
        int length = BinaryPrimitives.ReadUInt16BigEndian(_packet[_position..]);
        if (remaining - MoldPacketWriter.LengthPrefixSize < length)
        {
            return MoldReadStatus.Truncated;
        }
        message = _packet.Slice(_position + MoldPacketWriter.LengthPrefixSize, length);
        _position += MoldPacketWriter.LengthPrefixSize + length;
        _read++;
        return MoldReadStatus.Message;
    }
}
