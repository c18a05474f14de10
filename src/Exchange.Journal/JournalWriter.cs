using Exchange.Core.Commands;
using Exchange.Journal.Format;
using Exchange.Journal.Storage;

namespace Exchange.Journal;

/// <summary>Appends sequenced commands to the journal; owned by the journal thread.
/// <see cref="Append"/> only encodes into the write buffer (no I/O, no allocation). <see cref="Flush"/> is the
/// group commit: one write of everything buffered and, in <see cref="DurabilityMode.Fsync"/> mode, one
/// fdatasync; only then does <see cref="DurableSequence"/> advance, so acknowledgements gated on it never
/// precede durability. Call Flush when the batch ends (e.g. the ring buffer has nothing more available).
/// A record that does not fit in the current segment first flushes it (so a segment is complete and durable
/// before the next one exists), then starts a new segment. A failed write or fdatasync leaves the writer
/// unusable: after a failed fsync the page cache can no longer be trusted, so the journal must be recovered.
/// Thread-safety: Append, Flush and Dispose from one thread only; DurableSequence from any thread.</summary>
public sealed class JournalWriter : IDisposable
{
    private readonly IJournalStorage _storage;
    private readonly JournalOptions _options;
    private readonly ChainHasher _hasher = new();
    private readonly byte[] _buffer;
    private IJournalSegment? _segment;
    private long _segmentLength;
    // Invariant: _buffer[0.._bufferCount) belongs at _bufferFileOffset of _segment and is not yet written.
    private long _bufferFileOffset;
    private int _bufferCount;
    private long _nextSequence;
    private ulong _chain;
    private PaddedSequence _durableSequence;
    private bool _failed;
    private bool _disposed;

    private JournalWriter(IJournalStorage storage, JournalOptions options, RecoveryResult recovery)
    {
        _storage = storage;
        _options = options;
        _buffer = new byte[options.WriteBufferBytes];
        Recovery = recovery;
        var end = recovery.End;
        _chain = end.LastChainHash;
        _nextSequence = end.NextSequence ?? options.FirstSequence;
        if (end.LastSegment is string last)
        {
            _segment = storage.Open(last);
            _segmentLength = _segment.Length;
            _bufferFileOffset = end.AppendOffset;
        }
        // Recovery fdatasynced everything it kept, so all of it is durable.
        _durableSequence.Value = _nextSequence - 1;
    }

    /// <summary>Recovers the journal in <paramref name="storage"/> (see <see cref="JournalRecovery"/>; segments
    /// before <paramref name="skipThrough"/>'s are not read) and returns a writer positioned after its last intact record. Throws <see cref="JournalCorruptedException"/> on damage
    /// other than a torn tail.</summary>
    public static JournalWriter Open(IJournalStorage storage, JournalOptions? options = null, Action<JournalRecord>? replay = null,
        long skipThrough = 0)
    {
        ArgumentNullException.ThrowIfNull(storage);
        options ??= new JournalOptions();
        options.Validate();
        var recovery = JournalRecovery.Recover(storage, replay, skipThrough);
        return new JournalWriter(storage, options, recovery);
    }

    /// <summary>What recovery found when the writer was opened.</summary>
    public RecoveryResult Recovery { get; }

    /// <summary>The highest sequence known to be on disk per the <see cref="DurabilityMode"/>: every record up to
    /// and including it is durable. FirstSequence - 1 for an empty journal. Readable from any thread
    /// (a volatile read; the journal thread publishes it with a volatile write after the flush returns).</summary>
    public long DurableSequence => Volatile.Read(ref _durableSequence.Value);

    /// <summary>What <see cref="DurableSequence"/> waits for (with <see cref="DurabilityMode.None"/> a group commit
    /// costs only a write, so a caller need not gather large batches).</summary>
    public DurabilityMode Durability => _options.Durability;

    /// <summary>The sequence the next <see cref="Append"/> must carry.</summary>
    public long NextSequence => _nextSequence;

    /// <summary>Bytes appended but not yet handed to the storage.</summary>
    public int BufferedBytes => _bufferCount;

    /// <summary>Encodes the command as the record for <paramref name="sequence"/> into the write buffer.
    /// Sequences must be consecutive (<see cref="NextSequence"/>). Not durable until a later <see cref="Flush"/>.</summary>
    public void Append(in Command command, long sequence)
    {
        if (_failed || _disposed)
        {
            ThrowUnusable();
        }
        if (sequence != _nextSequence)
        {
            ThrowHelper.SequenceOutOfOrder(_nextSequence, sequence);
        }
        const int length = RecordLayout.CommandRecordLength;
        if (_segment is null || _bufferFileOffset + _bufferCount + length > _segmentLength)
        {
            Roll();
        }
        else if (_bufferCount + length > _buffer.Length)
        {
            Flush();
        }
        _chain = RecordFormat.WriteCommand(_buffer.AsSpan(_bufferCount, length), in command, sequence, _chain, _hasher);
        _bufferCount += length;
        _nextSequence = sequence + 1;
    }

    /// <summary>Group commit: writes everything appended since the last flush in one write, fdatasyncs it (Fsync
    /// mode), then publishes <see cref="DurableSequence"/> = the last appended sequence. Does nothing if
    /// nothing was appended.</summary>
    public void Flush()
    {
        if (_failed || _disposed)
        {
            ThrowUnusable();
        }
        if (_bufferCount == 0 || _segment is null)
        {
            return;
        }
        try
        {
            _segment.Write(_bufferFileOffset, _buffer.AsSpan(0, _bufferCount));
            if (_options.Durability == DurabilityMode.Fsync)
            {
                _segment.FlushToDisk();
            }
        }
        catch
        {
            _failed = true;
            throw;
        }
        _bufferFileOffset += _bufferCount;
        _bufferCount = 0;
        Volatile.Write(ref _durableSequence.Value, _nextSequence - 1);
    }

    /// <summary>Releases the open segment. Does not flush: call <see cref="Flush"/> first to keep buffered records.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _segment?.Dispose();
        _segment = null;
    }

    // The new segment's header goes out with the first batch written to it; recovery recognises a crash before
    // that batch is complete (header missing or torn, nothing after it) as an incomplete roll.
    private void Roll()
    {
        Flush();
        string name = SegmentName.Format(_nextSequence);
        try
        {
            _segment?.Dispose();
            _segment = null;
            _segment = _storage.Create(name, _options.SegmentBytes);
        }
        catch
        {
            _failed = true;
            throw;
        }
        _segmentLength = _segment.Length;
        new SegmentHeader(_nextSequence, _chain).WriteTo(_buffer);
        _bufferFileOffset = 0;
        _bufferCount = SegmentHeader.Size;
    }

    private void ThrowUnusable()
    {
        if (_disposed)
        {
            ThrowHelper.WriterDisposed();
        }
        ThrowHelper.WriterFailed();
    }
}
