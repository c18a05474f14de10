namespace Exchange.Sequencing;

/// <summary>What a consumer waits on: the producers' cursor, and the sequences of the consumers it must stay
/// behind (e.g. the responder behind both the engine and the journal).</summary>
public sealed class SequenceBarrier
{
    private readonly Sequencer _sequencer;
    private readonly IWaitStrategy _waitStrategy;
    private readonly Sequence _cursor;
    private readonly Sequence[] _dependents;
    private volatile bool _alerted;

    internal SequenceBarrier(Sequencer sequencer, IWaitStrategy waitStrategy, Sequence cursor, Sequence[] dependents)
    {
        _sequencer = sequencer;
        _waitStrategy = waitStrategy;
        _cursor = cursor;
        _dependents = dependents;
    }

    /// <summary>Waits until <paramref name="sequence"/> is available and returns the highest available sequence
    /// (≥ <paramref name="sequence"/>), or throws <see cref="AlertException"/> once <see cref="Alert"/> was called.</summary>
    public long WaitFor(long sequence)
    {
        long available = _waitStrategy.WaitFor(sequence, _cursor, _dependents, this);
        if (available < sequence)
        {
            return available;
        }
        return _sequencer.GetHighestPublished(sequence, available);
    }

    public bool IsAlerted => _alerted;

    /// <summary>Wakes a waiting consumer so it can stop.</summary>
    public void Alert()
    {
        _alerted = true;
        _waitStrategy.SignalAllWhenBlocking();
    }

    public void ClearAlert() => _alerted = false;

    internal void CheckAlert()
    {
        if (_alerted)
        {
            throw new AlertException();
        }
    }
}
