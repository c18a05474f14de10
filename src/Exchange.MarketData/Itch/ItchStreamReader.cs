namespace Exchange.MarketData.Itch;

/// <summary>An <see cref="ItchReader"/> over a <see cref="Stream"/>: refills one reusable buffer as needed, so
/// messages may span any number of stream reads. A returned message is valid only until the next
/// <see cref="Read"/>. Blocking and not thread-safe; allocates only its buffer.</summary>
public sealed class ItchStreamReader
{
    /// <summary>Smallest buffer that holds any message: the prefix plus a u16 length.</summary>
    public const int MinBufferSize = ItchReader.PrefixSize + ushort.MaxValue;

    private readonly Stream _stream;
    private readonly byte[] _buffer;
    // Invariant: unread bytes are _buffer[_start.._end]; bytes before _start were consumed.
    private int _start;
    private int _end;
    private bool _endOfStream;

    public ItchStreamReader(Stream stream, int bufferSize = 1 << 17)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, MinBufferSize);
        _stream = stream;
        _buffer = new byte[bufferSize];
    }

    /// <summary>Stream offset of the next unread length prefix.</summary>
    public long Position { get; private set; }

    /// <summary>As <see cref="ItchReader.Read"/>, except that <see cref="ItchReadStatus.Truncated"/> means the
    /// stream ended inside a message and <see cref="ItchReadStatus.End"/> that it ended on a boundary.</summary>
    public ItchReadStatus Read(out ReadOnlySpan<byte> message)
    {
        while (true)
        {
            var reader = new ItchReader(_buffer.AsSpan(_start, _end - _start));
            var status = reader.Read(out message);
            if (_endOfStream || status is not (ItchReadStatus.End or ItchReadStatus.Truncated))
            {
                _start += reader.Position;
                Position += reader.Position;
                return status;
            }
            Fill();
        }
    }

    private void Fill()
    {
        // Move the partial message to the front so the largest possible message always fits.
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _endOfStream = true;
        }
        _end += read;
    }
}
