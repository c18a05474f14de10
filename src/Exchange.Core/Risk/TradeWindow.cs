namespace Exchange.Core.Risk;

/// <summary>The trades of the last 5 minutes of engine time, kept in 300 one-second buckets (fixed memory, no
/// allocation): the arithmetic mean trade price (the price-band reference), the first trade price still in the window
/// (the base of the short-term move levels) and the volume of the last minute and of the whole window. A trade leaves
/// the window when its second is 300 or more seconds before the current one (60 for the minute figures).</summary>
internal sealed class TradeWindow
{
    public const int Seconds = 300;
    public const int MinuteSeconds = 60;
    private const long NanosPerSecond = 1_000_000_000;

    private readonly Bucket[] _buckets = new Bucket[Seconds];

    /// <summary>Oldest second that may still hold trades of the window / of the minute.</summary>
    private long _oldest = long.MinValue;
    private long _minuteOldest = long.MinValue;

    public long Count { get; private set; }

    public Int128 PriceSum { get; private set; }

    public long Volume { get; private set; }

    public long MinuteVolume { get; private set; }

    /// <summary>Changes whenever the window's content changes (to cache what is derived from it).</summary>
    public long Version { get; private set; }

    /// <summary>Mean price of the trades of the latest second that had any: what the window held just before its last
    /// trades left it, so the reference once the window is empty (a pure function of the trades, whenever it is read).</summary>
    public long LastMean { get; private set; }

    /// <summary>Mean trade price of the window (rounded down); 0 if it holds no trade.</summary>
    public long Mean => Count == 0 ? 0 : (long)(PriceSum / Count);

    /// <summary>Price of the oldest trade in the window; 0 if it holds no trade. Call <see cref="Advance"/> first.</summary>
    public long FirstPrice => Count == 0 ? 0 : _buckets[Index(_oldest)].FirstPrice;

    public void Add(long now, long price, long quantity)
    {
        long second = now / NanosPerSecond;
        Advance(now);
        ref var b = ref _buckets[Index(second)];
        if (b.Second != second || b.Count == 0)
        {
            b = new Bucket { Second = second, FirstPrice = price };
        }
        b.Count++;
        b.PriceSum += price;
        b.Volume += quantity;
        Count++;
        PriceSum += price;
        Volume += quantity;
        MinuteVolume += quantity;
        LastMean = (long)(b.PriceSum / b.Count);
        if (Count == 1)
        {
            _oldest = second;
        }
        Version++;
    }

    /// <summary>Drops the trades that have left the window at <paramref name="now"/>.</summary>
    public void Advance(long now)
    {
        long second = now / NanosPerSecond;
        if (Count == 0)
        {
            _oldest = second;
            _minuteOldest = second;
            return;
        }
        long minuteFirstKept = second - MinuteSeconds + 1;
        if (minuteFirstKept - _minuteOldest >= Seconds)
        {
            _minuteOldest = minuteFirstKept;
            MinuteVolume = 0;
        }
        for (; _minuteOldest < minuteFirstKept; _minuteOldest++)
        {
            ref var b = ref _buckets[Index(_minuteOldest)];
            if (b.Second == _minuteOldest && b.Count > 0)
            {
                MinuteVolume -= b.Volume;
            }
        }
        long firstKept = second - Seconds + 1;
        if (firstKept <= _oldest)
        {
            return;
        }
        // A long jump (minutes without trades) clears everything at once instead of walking every second.
        if (firstKept - _oldest >= Seconds)
        {
            Array.Clear(_buckets);
            Count = 0;
            PriceSum = 0;
            Volume = 0;
            MinuteVolume = 0;
            _oldest = second;
            _minuteOldest = second;
            Version++;
            return;
        }
        for (; _oldest < firstKept; _oldest++)
        {
            ref var b = ref _buckets[Index(_oldest)];
            if (b.Second == _oldest && b.Count > 0)
            {
                Count -= b.Count;
                PriceSum -= b.PriceSum;
                Volume -= b.Volume;
                b.Count = 0;
                Version++;
            }
        }
        // The oldest second in use must hold trades (FirstPrice reads it); some bucket up to now does.
        while (Count > 0 && (_buckets[Index(_oldest)].Second != _oldest || _buckets[Index(_oldest)].Count == 0))
        {
            _oldest++;
        }
    }

    private static int Index(long second) => (int)(((second % Seconds) + Seconds) % Seconds);

    /// <summary>The complete state as numbers (for snapshots and the state digest): scalars, then each bucket in use.</summary>
    public void Save(List<long> state)
    {
        state.Add(_oldest);
        state.Add(_minuteOldest);
        state.Add(Count);
        state.Add((long)(PriceSum >> 64));
        state.Add((long)(ulong)PriceSum);
        state.Add(Volume);
        state.Add(MinuteVolume);
        state.Add(Version);
        state.Add(LastMean);
        int countAt = state.Count;
        state.Add(0);
        for (int i = 0; i < Seconds; i++)
        {
            ref var b = ref _buckets[i];
            if (b.Count > 0 && b.Second > _oldest - Seconds)
            {
                state.Add(b.Second);
                state.Add(b.Count);
                state.Add((long)(b.PriceSum >> 64));
                state.Add((long)(ulong)b.PriceSum);
                state.Add(b.Volume);
                state.Add(b.FirstPrice);
                state[countAt]++;
            }
        }
    }

    /// <summary>Restores what <see cref="Save"/> wrote; returns how many numbers it used.</summary>
    public int Restore(ReadOnlySpan<long> state)
    {
        _oldest = state[0];
        _minuteOldest = state[1];
        Count = state[2];
        PriceSum = ((Int128)state[3] << 64) | (ulong)state[4];
        Volume = state[5];
        MinuteVolume = state[6];
        Version = state[7];
        LastMean = state[8];
        long buckets = state[9];
        int n = 10;
        for (long k = 0; k < buckets; k++, n += 6)
        {
            long second = state[n];
            _buckets[Index(second)] = new Bucket
            {
                Second = second,
                Count = state[n + 1],
                PriceSum = ((Int128)state[n + 2] << 64) | (ulong)state[n + 3],
                Volume = state[n + 4],
                FirstPrice = state[n + 5],
            };
        }
        return n;
    }

    private struct Bucket
    {
        public long Second;
        public long Count;
        public Int128 PriceSum;
        public long Volume;
        public long FirstPrice;
    }
}
