namespace Exchange.Journal.Storage;

/// <summary>Wraps a storage and models a machine crash, TigerBeetle style, reproducible from a seed.
/// Every mutation passes through to the inner storage at once (as into the page cache) and is remembered with
/// what it overwrote until its segment is flushed. <see cref="Crash"/> then keeps all flushed data and a random
/// prefix of the unflushed operations (in issue order), optionally tearing the last kept write at a random byte
/// or dropping every unflushed operation (page-cache loss), undoes the rest in the inner storage, and refuses
/// all further I/O with <see cref="IOException"/>. Recover by opening a new journal on the inner storage.
/// Model limits: a crash keeps a prefix (real disks may also persist later writes before earlier ones);
/// deletes are durable at once. Single-threaded.</summary>
public sealed class FaultInjectingJournalStorage : IJournalStorage
{
    private readonly IJournalStorage _inner;
    private readonly List<PendingOperation> _pending = [];
    private long _crashAfter = -1;
    private int _crashSeed;
    private bool _crashTears;
    private bool _crashLosesPageCache;

    public FaultInjectingJournalStorage(IJournalStorage inner) => _inner = inner;

    /// <summary>Mutating operations (create, write, flush, set-length, delete) performed so far.</summary>
    public long OperationCount { get; private set; }

    public bool HasCrashed { get; private set; }

    /// <summary>Unflushed operations a crash could still lose.</summary>
    public int PendingOperationCount => _pending.Count;

    /// <summary>The outcome of the crash once it happened.</summary>
    public CrashOutcome? Outcome { get; private set; }

    /// <summary>Arms a crash right after operation number <paramref name="operation"/> (1-based) completes: that
    /// call then throws <see cref="IOException"/> as if the machine died before it returned.</summary>
    public void CrashAfter(long operation, int seed, bool tearLastKeptWrite = true, bool losePageCache = false)
    {
        _crashAfter = operation;
        _crashSeed = seed;
        _crashTears = tearLastKeptWrite;
        _crashLosesPageCache = losePageCache;
    }

    /// <summary>Crashes now; see the class summary. Deterministic for a given seed and operation history.</summary>
    public CrashOutcome Crash(int seed, bool tearLastKeptWrite = true, bool losePageCache = false)
    {
        ThrowIfCrashed();
        var random = new Random(seed);
        int pending = _pending.Count;
        int keep = losePageCache ? 0 : random.Next(pending + 1);
        int tornAt = -1;
        if (tearLastKeptWrite && keep > 0 && _pending[keep - 1] is { Kind: PendingOperationKind.Write } last && last.Length > 1)
        {
            tornAt = random.Next(1, (int)last.Length);
            using var segment = _inner.Open(last.Name);
            segment.Write(last.Offset + tornAt, last.Previous.AsSpan(tornAt));
        }
        for (int i = pending - 1; i >= keep; i--)
        {
            Undo(_pending[i]);
        }
        _pending.Clear();
        HasCrashed = true;
        Outcome = new CrashOutcome(pending, keep, tornAt);
        return Outcome.Value;
    }

    public IReadOnlyList<string> ListSegments()
    {
        ThrowIfCrashed();
        return _inner.ListSegments();
    }

    public IJournalSegment Create(string name, long length)
    {
        ThrowIfCrashed();
        var segment = _inner.Create(name, length);
        _pending.Add(new PendingOperation(PendingOperationKind.Create, name, 0, length, []));
        Completed();
        return new FaultInjectingJournalSegment(this, segment);
    }

    public IJournalSegment Open(string name)
    {
        ThrowIfCrashed();
        return new FaultInjectingJournalSegment(this, _inner.Open(name));
    }

    public void Delete(string name)
    {
        ThrowIfCrashed();
        _inner.Delete(name);
        _pending.RemoveAll(p => p.Name == name);
        Completed();
    }

    public void Dispose() => _inner.Dispose();

    internal void ThrowIfCrashed()
    {
        if (HasCrashed)
        {
            throw new IOException("Simulated crash: the storage refuses further I/O");
        }
    }

    internal void RecordWrite(IJournalSegment segment, long offset, ReadOnlySpan<byte> data)
    {
        var previous = new byte[data.Length];
        segment.Read(offset, previous);
        segment.Write(offset, data);
        _pending.Add(new PendingOperation(PendingOperationKind.Write, segment.Name, offset, data.Length, previous));
        Completed();
    }

    internal void RecordSetLength(IJournalSegment segment, long length)
    {
        long before = segment.Length;
        byte[] cut = [];
        if (length < before)
        {
            cut = new byte[before - length];
            segment.Read(length, cut);
        }
        segment.SetLength(length);
        _pending.Add(new PendingOperation(PendingOperationKind.SetLength, segment.Name, before, length, cut));
        Completed();
    }

    internal void RecordFlush(IJournalSegment segment)
    {
        segment.FlushToDisk();
        _pending.RemoveAll(p => p.Name == segment.Name);
        Completed();
    }

    private void Completed()
    {
        OperationCount++;
        if (OperationCount == _crashAfter)
        {
            Crash(_crashSeed, _crashTears, _crashLosesPageCache);
            throw new IOException($"Simulated crash after operation {OperationCount}");
        }
    }

    private void Undo(PendingOperation operation)
    {
        if (operation.Kind == PendingOperationKind.Create)
        {
            _inner.Delete(operation.Name);
            return;
        }
        using var segment = _inner.Open(operation.Name);
        if (operation.Kind == PendingOperationKind.Write)
        {
            segment.Write(operation.Offset, operation.Previous);
        }
        else
        {
            segment.SetLength(operation.Offset);
            if (operation.Previous.Length > 0)
            {
                segment.Write(operation.Length, operation.Previous);
            }
        }
    }
}
