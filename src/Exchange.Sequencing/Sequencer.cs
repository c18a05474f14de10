namespace Exchange.Sequencing;

/// <summary>Multi-producer claim and publish of ring sequences (the Disruptor's MultiProducerSequencer).
/// Producers claim with an atomic add on the cursor; because they publish out of order, each slot has an
/// availability flag holding the ring lap it was published in, and consumers read the highest contiguous
/// published sequence. Producers never overwrite a slot a gating (consumer) sequence has not passed.</summary>
/// <remarks>Thread-safe for any number of producers.</remarks>
public sealed class Sequencer
{
    private readonly int _bufferSize;
    private readonly int _indexMask;
    private readonly int _indexShift;
    private readonly int[] _available;
    private readonly IWaitStrategy _waitStrategy;
    private readonly Sequence _gatingCache = new();
    private Sequence[] _gating = [];

    public Sequencer(int bufferSize, IWaitStrategy waitStrategy)
    {
        _bufferSize = bufferSize;
        _indexMask = bufferSize - 1;
        _indexShift = System.Numerics.BitOperations.Log2((uint)bufferSize);
        _available = new int[bufferSize];
        Array.Fill(_available, -1);
        _waitStrategy = waitStrategy;
    }

    /// <summary>Highest claimed sequence (not necessarily published).</summary>
    public Sequence Cursor { get; } = new();

    public int BufferSize => _bufferSize;

    /// <summary>The strategy producers signal after publishing.</summary>
    public IWaitStrategy WaitStrategy => _waitStrategy;

    public void AddGatingSequences(params Sequence[] sequences)
    {
        // Registration happens at start-up, before producers run; copy-on-write keeps readers lock-free.
        var updated = new Sequence[_gating.Length + sequences.Length];
        _gating.CopyTo(updated, 0);
        sequences.CopyTo(updated, _gating.Length);
        Volatile.Write(ref _gating, updated);
    }

    public SequenceBarrier NewBarrier(params Sequence[] dependents) => new(this, _waitStrategy, Cursor, dependents);

    public SequenceBarrier NewBarrier(IWaitStrategy waitStrategy, params Sequence[] dependents) => new(this, waitStrategy, Cursor, dependents);

    /// <summary>Claims <paramref name="n"/> sequences, spinning while the ring has no room. Returns the highest.</summary>
    public long Next(int n = 1)
    {
        long next = Cursor.AddAndGet(n);
        long wrapPoint = next - _bufferSize;
        if (wrapPoint > _gatingCache.Value)
        {
            var spin = new SpinWait();
            long minimum;
            while (wrapPoint > (minimum = MinimumGating(next - n)))
            {
                spin.SpinOnce(sleep1Threshold: -1);
            }
            _gatingCache.SetValue(minimum);
        }
        return next;
    }

    /// <summary>Claims <paramref name="n"/> sequences only if there is room now; never waits.</summary>
    public bool TryNext(int n, out long sequence)
    {
        while (true)
        {
            long current = Cursor.Value;
            long next = current + n;
            if (next - _bufferSize > _gatingCache.Value)
            {
                long minimum = MinimumGating(current);
                _gatingCache.SetValue(minimum);
                if (next - _bufferSize > minimum)
                {
                    sequence = Sequence.InitialValue;
                    return false;
                }
            }
            if (Cursor.CompareAndSet(current, next))
            {
                sequence = next;
                return true;
            }
        }
    }

    /// <summary>Slots claimed but not yet consumed by the slowest gating sequence: how full the ring is.</summary>
    public long Backlog => Cursor.Value - MinimumGating(Cursor.Value);

    /// <summary>Makes sequences <paramref name="low"/>..<paramref name="high"/> (inclusive) visible to consumers.</summary>
    public void Publish(long low, long high)
    {
        for (long s = low; s <= high; s++)
        {
            // Release write: the slot's contents become visible before its flag.
            Volatile.Write(ref _available[(int)s & _indexMask], (int)(s >> _indexShift));
        }
        _waitStrategy.SignalAllWhenBlocking();
    }

    public bool IsAvailable(long sequence) =>
        Volatile.Read(ref _available[(int)sequence & _indexMask]) == (int)(sequence >> _indexShift);

    /// <summary>The highest sequence in <paramref name="low"/>..<paramref name="availableSequence"/> below which
    /// everything is published.</summary>
    public long GetHighestPublished(long low, long availableSequence)
    {
        for (long s = low; s <= availableSequence; s++)
        {
            if (!IsAvailable(s))
            {
                return s - 1;
            }
        }
        return availableSequence;
    }

    private long MinimumGating(long fallback)
    {
        long minimum = fallback;
        foreach (var sequence in Volatile.Read(ref _gating))
        {
            minimum = Math.Min(minimum, sequence.Value);
        }
        return minimum;
    }
}
