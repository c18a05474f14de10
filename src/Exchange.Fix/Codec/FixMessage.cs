using System.Buffers;

namespace Exchange.Fix.Codec;

/// <summary>A reusable, parsed FIX message: a copy of the bytes and an index of its fields (tag, value offset, value
/// length) in wire order. Buffers are allocated once in the constructor; <see cref="Parse(ReadOnlySpan{byte})"/>
/// and the accessors allocate nothing. Not thread-safe: one instance per session reader.</summary>
public sealed partial class FixMessage
{
    /// <summary>Default <see cref="MaxFields"/>.</summary>
    public const int DefaultMaxFields = 1024;

    // Tags below this get O(1) lookup and duplicate detection through stamped arrays (no clearing per message);
    // larger (user-defined) tags fall back to a linear scan.
    private const int DirectTagLimit = 16_384;
    private const byte Soh = 1;

    private readonly byte[] _bytes;
    private readonly int[] _tags;
    private readonly int[] _offsets;
    private readonly int[] _lengths;
    private readonly ushort[] _seenStamp = new ushort[DirectTagLimit];
    private readonly int[] _firstIndex = new int[DirectTagLimit];
    private ushort _stamp;
    private int _length;
    private int _count;

    /// <summary>Creates a message able to hold <paramref name="maxMessageLength"/> bytes (use
    /// <see cref="FixMessageReader.MaxMessageLength"/>) and <paramref name="maxFields"/> fields.</summary>
    public FixMessage(int maxMessageLength, int maxFields = DefaultMaxFields)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessageLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFields, 4);
        _bytes = new byte[maxMessageLength];
        _tags = new int[maxFields];
        _offsets = new int[maxFields];
        _lengths = new int[maxFields];
    }

    /// <summary>Most fields a message may have; more is rejected with <see cref="SessionRejectReason.Other"/>.</summary>
    public int MaxFields => _tags.Length;

    /// <summary>Number of fields indexed by the last parse (up to the first error if it failed).</summary>
    public int FieldCount => _count;

    /// <summary>The bytes of the last parsed message; valid until the next parse.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes.AsSpan(0, _length);

    /// <summary>Tag of the field at <paramref name="index"/> in wire order.</summary>
    public int TagAt(int index) => _tags[CheckIndex(index)];

    /// <summary>Value of the field at <paramref name="index"/> in wire order.</summary>
    public ReadOnlySpan<byte> ValueAt(int index) => _bytes.AsSpan(_offsets[CheckIndex(index)], _lengths[index]);

    /// <summary>Copies and parses one message as framed by <see cref="FixMessageReader"/>. BodyLength and CheckSum are
    /// not re-checked (framing did that); field syntax, field order, duplicates and the standard header are.</summary>
    public FixParseResult Parse(ReadOnlySpan<byte> message)
    {
        Reset();
        if (message.Length > _bytes.Length)
        {
            return FixParseResult.Reject(SessionRejectReason.Other);
        }
        message.CopyTo(_bytes);
        _length = message.Length;
        return Index();
    }

    /// <summary>As <see cref="Parse(ReadOnlySpan{byte})"/>, for a message spanning several buffer segments.</summary>
    public FixParseResult Parse(in ReadOnlySequence<byte> message)
    {
        Reset();
        if (message.Length > _bytes.Length)
        {
            return FixParseResult.Reject(SessionRejectReason.Other);
        }
        message.CopyTo(_bytes);
        _length = (int)message.Length;
        return Index();
    }

    private void Reset()
    {
        _length = 0;
        _count = 0;
        ClearHeader();
        if (++_stamp == 0)
        {
            // Stamps wrapped: stale entries could look current, so clear once every 65 535 messages.
            Array.Clear(_seenStamp);
            _stamp = 1;
        }
    }

    private int CheckIndex(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
        return index;
    }

    private int IndexOf(int tag)
    {
        if ((uint)tag < DirectTagLimit)
        {
            return _seenStamp[tag] == _stamp ? _firstIndex[tag] : -1;
        }
        return Array.IndexOf(_tags, tag, 0, _count);
    }
}
