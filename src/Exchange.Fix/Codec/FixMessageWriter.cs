using System.Globalization;
using Exchange.Core.Domain;

namespace Exchange.Fix.Codec;

/// <summary>Writes one outbound FIX 4.4 message into a caller-supplied buffer without allocating: <see cref="Begin"/>,
/// Append… the fields in order (standard header first), then <see cref="Finish"/> fills in BodyLength and CheckSum
/// and returns the length of the message, which then starts at offset 0 of the buffer. With an
/// <see cref="System.Buffers.IBufferWriter{T}"/>: write into <c>GetSpan(max)</c>, then <c>Advance(Finish())</c>.
/// Throws <see cref="ArgumentException"/> if the buffer is too small or a value could corrupt the framing.</summary>
public ref struct FixMessageWriter
{
    private const byte Soh = 1;

    private static ReadOnlySpan<byte> BeginString => "8=FIX.4.4\u00019="u8;

    private readonly Span<byte> _destination;
    private readonly int _bodyStart;
    private int _position;

    /// <summary>Creates a writer over <paramref name="destination"/>.</summary>
    public FixMessageWriter(Span<byte> destination)
    {
        _destination = destination;
        // Room for the largest header the buffer could need; Finish moves the message down over the unused part.
        _bodyStart = BeginString.Length + DigitCount(destination.Length) + 1;
        _position = -1;
    }

    /// <summary>Bytes of body written so far.</summary>
    public readonly int BodyLength => _position < 0 ? 0 : _position - _bodyStart;

    /// <summary>Starts a message of type <paramref name="msgType"/> (35), discarding anything written before.</summary>
    public void Begin(ReadOnlySpan<byte> msgType)
    {
        _position = _bodyStart;
        Append(FixTag.MsgType, msgType);
    }

    /// <summary>Appends a field whose value is ASCII bytes (no SOH).</summary>
    public void Append(int tag, scoped ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty || value.Contains(Soh))
        {
            ThrowHelper.InvalidValue(tag);
        }
        Span<byte> target = StartField(tag, value.Length);
        value.CopyTo(target);
        EndField(value.Length);
    }

    /// <summary>Appends a field whose value is ASCII text (no SOH).</summary>
    public void AppendString(int tag, scoped ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || value.Contains('\u0001') || !System.Text.Ascii.IsValid(value))
        {
            ThrowHelper.InvalidValue(tag);
        }
        Span<byte> target = StartField(tag, value.Length);
        System.Text.Ascii.FromUtf16(value, target, out _);
        EndField(value.Length);
    }

    /// <summary>Appends an integer field.</summary>
    public void Append(int tag, long value)
    {
        Span<byte> target = StartField(tag, 20);
        value.TryFormat(target, out int written, default, CultureInfo.InvariantCulture);
        EndField(written);
    }

    /// <summary>Appends a single-character field (Side, OrdType, …).</summary>
    public void Append(int tag, char value)
    {
        if (value is <= '\u0001' or > '\u007f')
        {
            ThrowHelper.InvalidValue(tag);
        }
        StartField(tag, 1)[0] = (byte)value;
        EndField(1);
    }

    /// <summary>Appends a Boolean field as "Y" or "N".</summary>
    public void Append(int tag, bool value) => Append(tag, value ? 'Y' : 'N');

    /// <summary>Appends a count of 10^-8 units as a decimal with as few decimals as represent it exactly
    /// (18_725_000_000 → "187.25", 10_000_000_000 → "100").</summary>
    public void AppendFixedPoint(int tag, long value)
    {
        Span<byte> target = StartField(tag, 21);
        Price.TryFormat(value, target, out int n); // 21 bytes hold any long ("-92233720368.54775808")
        EndField(n);
    }

    /// <summary>Appends a UTCTimestamp with milliseconds (<c>YYYYMMDD-HH:MM:SS.sss</c>), truncating finer precision.</summary>
    public void AppendUtcTimestamp(int tag, long nanosSinceEpoch)
    {
        Span<byte> target = StartField(tag, FixTimestamp.MillisecondLength);
        if (!FixTimestamp.TryFormatMilliseconds(nanosSinceEpoch, target))
        {
            ThrowHelper.InvalidValue(tag);
        }
        EndField(FixTimestamp.MillisecondLength);
    }

    /// <summary>Writes BeginString, BodyLength and CheckSum, moves the message to offset 0 of the buffer and returns
    /// its length. The writer can then <see cref="Begin"/> the next message in the same buffer.</summary>
    public int Finish()
    {
        if (_position < 0)
        {
            ThrowHelper.NotBegun();
        }
        int bodyLength = _position - _bodyStart;
        if (_position + FixMessageReader.TrailerLength > _destination.Length)
        {
            ThrowHelper.DestinationTooSmall();
        }
        int headerLength = BeginString.Length + DigitCount(bodyLength) + 1;
        Span<byte> header = _destination.Slice(_bodyStart - headerLength, headerLength);
        BeginString.CopyTo(header);
        bodyLength.TryFormat(header[BeginString.Length..], out _, default, CultureInfo.InvariantCulture);
        header[^1] = Soh;
        int length = headerLength + bodyLength;
        _destination.Slice(_bodyStart - headerLength, length).CopyTo(_destination);
        int checkSum = FixChecksum.Compute(_destination[..length]);
        Span<byte> trailer = _destination.Slice(length, FixMessageReader.TrailerLength);
        "10="u8.CopyTo(trailer);
        trailer[3] = (byte)('0' + checkSum / 100);
        trailer[4] = (byte)('0' + checkSum / 10 % 10);
        trailer[5] = (byte)('0' + checkSum % 10);
        trailer[6] = Soh;
        _position = -1;
        return length + FixMessageReader.TrailerLength;
    }

    // Writes "tag=" and returns room for up to maxValueLength value bytes; EndField then adds the SOH.
    private Span<byte> StartField(int tag, int maxValueLength)
    {
        if (_position < 0)
        {
            ThrowHelper.NotBegun();
        }
        if (tag <= 0)
        {
            ThrowHelper.InvalidValue(tag);
        }
        Span<byte> free = _destination[_position..];
        if (!tag.TryFormat(free, out int written, default, CultureInfo.InvariantCulture)
            || free.Length < written + 1 + maxValueLength + 1)
        {
            ThrowHelper.DestinationTooSmall();
        }
        free[written] = (byte)'=';
        _position += written + 1;
        return _destination.Slice(_position, maxValueLength);
    }

    private void EndField(int valueLength)
    {
        _position += valueLength;
        _destination[_position++] = Soh;
    }

    private static int DigitCount(int value)
    {
        int digits = 1;
        for (; value >= 10; value /= 10)
        {
            digits++;
        }
        return digits;
    }
}
