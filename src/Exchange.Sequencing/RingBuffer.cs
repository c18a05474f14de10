namespace Exchange.Sequencing;

/// <summary>A pre-allocated ring of <typeparamref name="T"/> slots, power-of-two sized, indexed by sequence.
/// Producers claim sequences from the <see cref="Sequencer"/>, write the slot in place, then publish;
/// consumers read slots up to what their <see cref="SequenceBarrier"/> says is available. Nothing is
/// allocated after construction: slots are reused.</summary>
public sealed class RingBuffer<T>
    where T : struct
{
    private readonly T[] _entries;
    private readonly long _mask;

    public RingBuffer(int bufferSize, IWaitStrategy waitStrategy)
    {
        if (bufferSize < 1 || (bufferSize & (bufferSize - 1)) != 0)
        {
            throw new ArgumentException("Buffer size must be a positive power of two", nameof(bufferSize));
        }
        _entries = new T[bufferSize];
        _mask = bufferSize - 1;
        Sequencer = new Sequencer(bufferSize, waitStrategy);
    }

    public int BufferSize => _entries.Length;

    public Sequencer Sequencer { get; }

    /// <summary>The slot for <paramref name="sequence"/>. Write only between claim and publish; read only
    /// after the barrier reported it available.</summary>
    public ref T this[long sequence] => ref _entries[sequence & _mask];

    /// <summary>Claims one slot, waiting (spinning) while the ring is full.</summary>
    public long Next() => Sequencer.Next(1);

    /// <summary>Claims one slot without waiting; false if the ring is full (the caller answers "busy").</summary>
    public bool TryNext(out long sequence) => Sequencer.TryNext(1, out sequence);

    public void Publish(long sequence) => Sequencer.Publish(sequence, sequence);

    public SequenceBarrier NewBarrier(params Sequence[] dependents) => Sequencer.NewBarrier(dependents);

    /// <summary>A barrier that waits with its own strategy instead of the ring's (e.g. a consumer that may lag).</summary>
    public SequenceBarrier NewBarrier(IWaitStrategy waitStrategy, params Sequence[] dependents) => Sequencer.NewBarrier(waitStrategy, dependents);

    /// <summary>Registers consumer sequences that producers must not lap.</summary>
    public void AddGatingSequences(params Sequence[] sequences) => Sequencer.AddGatingSequences(sequences);
}
