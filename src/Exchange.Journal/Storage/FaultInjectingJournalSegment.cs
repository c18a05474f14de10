namespace Exchange.Journal.Storage;

/// <summary>A segment of <see cref="FaultInjectingJournalStorage"/>: forwards to the inner segment and reports
/// every mutation to its storage so a crash can undo what was not flushed.</summary>
public sealed class FaultInjectingJournalSegment : IJournalSegment
{
    private readonly FaultInjectingJournalStorage _storage;
    private readonly IJournalSegment _inner;

    internal FaultInjectingJournalSegment(FaultInjectingJournalStorage storage, IJournalSegment inner)
    {
        _storage = storage;
        _inner = inner;
    }

    public string Name => _inner.Name;

    public long Length
    {
        get
        {
            _storage.ThrowIfCrashed();
            return _inner.Length;
        }
    }

    public void Write(long offset, ReadOnlySpan<byte> data)
    {
        _storage.ThrowIfCrashed();
        _storage.RecordWrite(_inner, offset, data);
    }

    public int Read(long offset, Span<byte> destination)
    {
        _storage.ThrowIfCrashed();
        return _inner.Read(offset, destination);
    }

    public void FlushToDisk()
    {
        _storage.ThrowIfCrashed();
        _storage.RecordFlush(_inner);
    }

    public void SetLength(long length)
    {
        _storage.ThrowIfCrashed();
        _storage.RecordSetLength(_inner, length);
    }

    public void Dispose() => _inner.Dispose();
}
