namespace Exchange.Journal.Storage;

/// <summary>Segments held in memory: for tests and simulation. Everything written is "durable" at once;
/// wrap it in <see cref="FaultInjectingJournalStorage"/> to model what a crash loses. Single-threaded.</summary>
public sealed class MemoryJournalStorage : IJournalStorage
{
    private readonly Dictionary<string, MemoryJournalSegment> _segments = new(StringComparer.Ordinal);

    public IReadOnlyList<string> ListSegments()
    {
        var names = _segments.Keys.ToList();
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    public IJournalSegment Create(string name, long length)
    {
        if (_segments.ContainsKey(name))
        {
            throw new IOException($"Segment '{name}' already exists");
        }
        var segment = new MemoryJournalSegment(name, length);
        _segments.Add(name, segment);
        return segment;
    }

    /// <summary>Every open of a name returns the same object; disposing it does nothing.</summary>
    public IJournalSegment Open(string name) =>
        _segments.TryGetValue(name, out var segment) ? segment : throw new FileNotFoundException($"No segment '{name}'", name);

    public void Delete(string name) => _segments.Remove(name);

    public void Dispose()
    {
    }
}
