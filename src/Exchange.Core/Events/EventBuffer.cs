namespace Exchange.Core.Events;

/// <summary>The events of one command, in a reused array; grows only when one command produces more events
/// than ever before (e.g. a large mass cancel).</summary>
internal sealed class EventBuffer
{
    private EngineEvent[] _items;

    public EventBuffer(int capacity) => _items = new EngineEvent[Math.Max(capacity, 16)];

    public int Count { get; private set; }

    public ReadOnlySpan<EngineEvent> Span => _items.AsSpan(0, Count);

    public void Clear() => Count = 0;

    /// <summary>Appends a cleared event and returns it for filling in.</summary>
    public ref EngineEvent Add()
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }
        ref var e = ref _items[Count++];
        e = default;
        return ref e;
    }
}
