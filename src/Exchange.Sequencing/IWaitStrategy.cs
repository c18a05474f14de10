namespace Exchange.Sequencing;

/// <summary>How a consumer waits for a sequence to become available. Choose per ring: busy-spin for the lowest
/// latency when a core can be dedicated, yielding to share cores, blocking to use no CPU while idle.</summary>
public interface IWaitStrategy
{
    /// <summary>Waits until the cursor (or, if given, every dependent sequence) reaches <paramref name="sequence"/>;
    /// returns the highest sequence reached. Throws <see cref="AlertException"/> when the barrier is alerted.</summary>
    long WaitFor(long sequence, Sequence cursor, Sequence[] dependents, SequenceBarrier barrier);

    /// <summary>Called by producers after publishing, to wake consumers that sleep.</summary>
    void SignalAllWhenBlocking();
}
