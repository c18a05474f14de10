namespace Exchange.MarketData.Views;

/// <summary>The bars of one instrument at one interval, built from trades in engine-time order: the newest
/// <c>capacity</c> bars with at least one trade (intervals without trades have no bar). Not thread-safe.</summary>
public sealed class BarSeries
{
    private readonly Bar[] _bars;
    private int _count;
    private int _next;

    public BarSeries(BarInterval interval, int capacity)
    {
        Interval = interval;
        _bars = new Bar[capacity];
    }

    public BarInterval Interval { get; }

    public int Count => _count;

    /// <summary>The bar the last trade went into.</summary>
    public bool TryGetCurrent(out Bar bar)
    {
        bar = _count == 0 ? default : _bars[(_next - 1 + _bars.Length) % _bars.Length];
        return _count > 0;
    }

    /// <summary>Adds a trade; returns the bar it updated. A trade stamped before the current bar (engine time
    /// never goes backwards, so this does not happen) goes into the current bar.</summary>
    public Bar Add(long timestamp, long price, long quantity)
    {
        long length = Interval.Nanoseconds();
        long start = timestamp - (((timestamp % length) + length) % length);
        if (_count > 0)
        {
            int last = (_next - 1 + _bars.Length) % _bars.Length;
            var current = _bars[last];
            if (start <= current.Start)
            {
                current = current with
                {
                    High = Math.Max(current.High, price),
                    Low = Math.Min(current.Low, price),
                    Close = price,
                    Volume = current.Volume + quantity,
                    TradeCount = current.TradeCount + 1,
                };
                _bars[last] = current;
                return current;
            }
        }
        var bar = new Bar(start, price, price, price, price, quantity, 1);
        _bars[_next] = bar;
        _next = (_next + 1) % _bars.Length;
        _count = Math.Min(_count + 1, _bars.Length);
        return bar;
    }

    /// <summary>Bars with <paramref name="from"/> ≤ start &lt; <paramref name="to"/>, oldest first, at most <paramref name="limit"/> (the newest ones).</summary>
    public List<Bar> Range(long from, long to, int limit)
    {
        var result = new List<Bar>();
        for (int i = 0; i < _count; i++)
        {
            var bar = _bars[(_next - _count + i + _bars.Length) % _bars.Length];
            if (bar.Start >= from && bar.Start < to)
            {
                result.Add(bar);
            }
        }
        if (result.Count > limit)
        {
            result.RemoveRange(0, result.Count - limit);
        }
        return result;
    }
}
