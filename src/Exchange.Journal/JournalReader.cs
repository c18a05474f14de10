using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Exchange.Journal.Format;
using Exchange.Journal.Storage;

namespace Exchange.Journal;

/// <summary>Reads the journal from its first segment to its end, verifying every segment header (magic,
/// version, CRC, first sequence, link to the previous segment's chain hash) and every record (length, type,
/// version, CRC-32C, consecutive sequence, chain hash). A torn tail at the end of the last segment ends the
/// log quietly (see <see cref="End"/>); any other damage throws <see cref="JournalCorruptedException"/>.
/// Reads nothing it is not asked to and never writes. Holds one segment in memory at a time (a reused buffer of
/// up to the segment size). Not thread-safe.</summary>
public sealed class JournalReader
{
    private readonly IJournalStorage _storage;
    private readonly IReadOnlyList<string> _segments;
    private readonly ChainHasher _hasher = new();
    private readonly long _skipThrough;
    private byte[] _buffer = [];
    /// <summary>Offset in the segment of <c>_buffer[0]</c>: 0, or where the reader seeked to (<see cref="TrySeek"/>).</summary>
    private int _bufferStart;
    private int _segmentIndex = -1;
    /// <summary>The segment's length; <see cref="_offset"/> and it are offsets in the segment, not in the buffer.</summary>
    private int _segmentLength;
    private int _offset;
    private bool _segmentDone = true;
    private string? _lastSegment;
    private long? _nextSequence;
    private ulong _chain;
    private TornTail? _tornTail;
    private string? _incompleteSegment;

    public JournalReader(IJournalStorage storage)
        : this(storage, 0)
    {
    }

    /// <summary>A reader that returns the records after sequence <paramref name="skipThrough"/>: for start-up after a
    /// snapshot at <paramref name="skipThrough"/>, which already holds their effect. It starts at the segment holding
    /// sequence <paramref name="skipThrough"/> + 1, without reading (or verifying) the segments before it; that
    /// segment's header then starts the chain (also when it is the oldest segment left after
    /// <see cref="JournalPruning"/>; if even the oldest starts after <paramref name="skipThrough"/> + 1, records are
    /// missing and reading throws). In that segment it seeks straight to the record of <paramref name="skipThrough"/>
    /// where that record is intact at the offset a run of command records puts it (the records before it are then
    /// not read either, and the chain continues from the hash that record stores, its CRC being good); otherwise it
    /// reads and verifies the segment from its start, returning only the records after
    /// <paramref name="skipThrough"/>. 0 = read everything.</summary>
    public JournalReader(IJournalStorage storage, long skipThrough)
    {
        _storage = storage;
        _skipThrough = skipThrough;
        _segments = storage.ListSegments();
        if (skipThrough > 0)
        {
            for (int i = _segments.Count - 1; i >= 0; i--)
            {
                if (SegmentName.TryParse(_segments[i], out long first) && first <= skipThrough + 1)
                {
                    // A last segment that starts right after the snapshot may be one whose header a crash during the
                    // roll lost: recovery deletes it, and the end of the journal must then come from the one before.
                    bool mayBeIncomplete = i == _segments.Count - 1 && first == skipThrough + 1 && i > 0;
                    _segmentIndex = mayBeIncomplete ? i - 2 : i - 1;
                    _trustFirstChain = true;
                    break;
                }
            }
        }
    }

    /// <summary>Set when the reader skipped older segments: the first segment read may continue a chain.</summary>
    private bool _trustFirstChain;

    /// <summary>Records returned so far.</summary>
    public long RecordCount { get; private set; }

    /// <summary>Where the intact log ends; available once <see cref="TryReadNext"/> has returned false.</summary>
    public JournalEnd End => IsFinished
        ? new JournalEnd(_lastSegment, _offset, _nextSequence, _chain, _tornTail, _incompleteSegment)
        : throw new InvalidOperationException("The reader has not reached the end of the journal yet");

    public bool IsFinished { get; private set; }

    /// <summary>Reads the next record; false at the end of the intact log.</summary>
    /// <exception cref="JournalCorruptedException">Damage other than a torn tail.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryReadNext(out JournalRecord record)
    {
        record = default;
        while (!IsFinished)
        {
            if (_segmentDone)
            {
                LoadNextSegment();
                continue;
            }
            if (TryReadRecord(out record) && record.Sequence > _skipThrough)
            {
                RecordCount++;
                return true;
            }
        }
        return false;
    }

    /// <summary>All remaining records (allocates an enumerator: for tools and tests).</summary>
    public IEnumerable<JournalRecord> ReadAll()
    {
        while (TryReadNext(out var record))
        {
            yield return record;
        }
    }

    private void LoadNextSegment()
    {
        if (_segmentIndex + 1 >= _segments.Count)
        {
            IsFinished = true;
            return;
        }
        _segmentIndex++;
        string name = _segments[_segmentIndex];
        bool isLast = _segmentIndex == _segments.Count - 1;
        if (!SegmentName.TryParse(name, out long nameSequence))
        {
            throw new JournalCorruptedException(name, 0, "not a segment file name");
        }
        using (var segment = _storage.Open(name))
        {
            long length = segment.Length;
            if (length > int.MaxValue)
            {
                throw new JournalCorruptedException(name, 0, $"segment of {length} bytes is larger than any the writer creates");
            }
            _segmentLength = (int)length;
            if (_nextSequence is null && _skipThrough >= nameSequence && TrySeek(segment, name, nameSequence))
            {
                return;
            }
            ReadFrom(segment, 0);
        }
        var bytes = _buffer.AsSpan(0, _segmentLength);
        if (!SegmentHeader.TryRead(bytes, out var header))
        {
            bool nothingElse = _segmentLength <= SegmentHeader.Size
                || !bytes[SegmentHeader.Size..].ContainsAnyExcept((byte)0);
            if (isLast && nothingElse)
            {
                // A crash while rolling: the new segment's header was not (fully) written and no record
                // follows it, so nothing in it can have been acknowledged.
                _incompleteSegment = name;
                IsFinished = true;
                return;
            }
            throw new JournalCorruptedException(name, 0, "damaged segment header");
        }
        if (header.FirstSequence != nameSequence)
        {
            throw new JournalCorruptedException(name, 16,
                $"header first sequence {header.FirstSequence} does not match the file name");
        }
        if (_nextSequence is long expected)
        {
            if (header.FirstSequence != expected)
            {
                throw new JournalCorruptedException(_lastSegment!, _offset,
                    $"segment ends after sequence {expected - 1} but the next segment {name} starts at {header.FirstSequence}");
            }
            if (header.PreviousChainHash != _chain)
            {
                throw new JournalCorruptedException(name, 24, "previous chain hash does not match the previous segment's last record");
            }
        }
        else if (_trustFirstChain)
        {
            _chain = header.PreviousChainHash;
        }
        else if (header.PreviousChainHash != 0)
        {
            // Only the journal's first segment starts the chain from 0: older segments are missing. (A journal
            // pruned after a snapshot is read from that snapshot on, with skipThrough, which says so explicitly.)
            throw new JournalCorruptedException(name, 24, "the oldest segment continues a chain whose earlier segments are missing");
        }
        _nextSequence = header.FirstSequence;
        _lastSegment = name;
        _offset = SegmentHeader.Size;
        _segmentDone = false;
    }

    /// <summary>Reads the segment from <paramref name="start"/> to its end into the buffer.</summary>
    private void ReadFrom(IJournalSegment segment, int start)
    {
        int length = _segmentLength - start;
        if (_buffer.Length < length)
        {
            _buffer = new byte[length];
        }
        _bufferStart = start;
        _segmentLength = start + segment.Read(start, _buffer.AsSpan(0, length));
    }

    /// <summary>Positions the reader right after the record of <see cref="_skipThrough"/> in the first segment read,
    /// reading only the segment's header and what follows that record; false (nothing changed but the buffer) if the
    /// header is not intact or that record is not where consecutive command records put it (an older record of another
    /// length, a journal that ends before it, damage): the segment is then read from its start. The records skipped
    /// are in the snapshot; the record sought is checked by its CRC, and its stored chain hash continues the chain.</summary>
    private bool TrySeek(IJournalSegment segment, string name, long firstSequence)
    {
        long at = SegmentHeader.Size + (_skipThrough - firstSequence) * RecordLayout.CommandRecordLength;
        if (at + RecordLayout.CommandRecordLength > _segmentLength)
        {
            return false;
        }
        Span<byte> headerBytes = stackalloc byte[SegmentHeader.Size];
        if (segment.Read(0, headerBytes) != SegmentHeader.Size || !SegmentHeader.TryRead(headerBytes, out var header)
            || header.FirstSequence != firstSequence)
        {
            return false;
        }
        int segmentLength = _segmentLength;
        ReadFrom(segment, (int)at);
        var record = _buffer.AsSpan(0, _segmentLength - _bufferStart);
        if (!RecordFormat.IsIntact(record, out int length) || length != RecordLayout.CommandRecordLength
            || RecordFormat.Sequence(record) != _skipThrough)
        {
            _segmentLength = segmentLength;
            return false;
        }
        _chain = RecordFormat.StoredChainHash(record, length);
        _nextSequence = _skipThrough + 1;
        _lastSegment = name;
        _offset = (int)at + length;
        _segmentDone = false;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryReadRecord(out JournalRecord record)
    {
        record = default;
        string name = _segments[_segmentIndex];
        var remaining = _buffer.AsSpan(_offset - _bufferStart, _segmentLength - _offset);
        if (remaining.Length < sizeof(uint) || BinaryPrimitives.ReadUInt32LittleEndian(remaining) == 0)
        {
            if (remaining.ContainsAnyExcept((byte)0))
            {
                OnDamagedRecord(name, remaining);
            }
            _segmentDone = true;
            return false;
        }
        if (!RecordFormat.IsIntact(remaining, out int length))
        {
            OnDamagedRecord(name, remaining);
            _segmentDone = true;
            return false;
        }
        // An intact record (good CRC) that does not continue the log is not a torn write: fail-stop.
        long sequence = RecordFormat.Sequence(remaining);
        long expected = _nextSequence!.Value;
        if (sequence != expected)
        {
            throw new JournalCorruptedException(name, _offset, $"sequence gap: expected {expected}, found {sequence}");
        }
        var recordBytes = remaining[..length];
        ulong chain = _hasher.Next(_chain, recordBytes[..(length - RecordLayout.TrailerSize)]);
        if (chain != RecordFormat.StoredChainHash(recordBytes, length))
        {
            throw new JournalCorruptedException(name, _offset, $"chain hash mismatch at sequence {sequence}");
        }
        RecordFormat.DecodeCommand(recordBytes, length, out var command);
        record = new JournalRecord(sequence, RecordFormat.Timestamp(recordBytes), command);
        _chain = chain;
        _nextSequence = sequence + 1;
        _offset += length;
        return true;
    }

    // A record that is not intact ends the log only if it is the torn tail: in the last segment with no intact
    // record anywhere after it. Otherwise acknowledged history behind it would be silently dropped.
    private void OnDamagedRecord(string name, ReadOnlySpan<byte> remaining)
    {
        if (_segmentIndex != _segments.Count - 1)
        {
            throw new JournalCorruptedException(name, _offset, "damaged record in a segment that is not the last");
        }
        int end = remaining.LastIndexOfAnyExcept((byte)0) + 1;
        for (int p = 1; p < end && p + RecordLayout.HeaderSize <= remaining.Length; p++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(remaining[p..]) is RecordLayout.CommandRecordLength or RecordLayout.CommandRecordLengthVersion1
                && RecordFormat.IsIntact(remaining[p..], out _))
            {
                throw new JournalCorruptedException(name, _offset,
                    $"damaged record followed by an intact record at offset {_offset + p}");
            }
        }
        _tornTail = new TornTail(name, _offset, end);
        IsFinished = true;
    }
}
