namespace Exchange.Sequencing;

/// <summary>Sleeps on a monitor until a producer publishes: no CPU while idle, microseconds of wake-up latency.
/// The default: it fits any number of cores. Producers take the lock only when a consumer is asleep.</summary>
public sealed class BlockingWaitStrategy : IWaitStrategy
{
    private readonly object _gate = new();
    private int _sleepers;

    public long WaitFor(long sequence, Sequence cursor, Sequence[] dependents, SequenceBarrier barrier)
    {
        if (cursor.Value < sequence)
        {
            lock (_gate)
            {
                Interlocked.Increment(ref _sleepers);
                try
                {
                    while (cursor.Value < sequence)
                    {
                        barrier.CheckAlert();
                        // The timeout is only a safety net; publishers pulse when someone sleeps.
                        Monitor.Wait(_gate, 10);
                    }
                }
                finally
                {
                    Interlocked.Decrement(ref _sleepers);
                }
            }
        }
        long available;
        var spin = new SpinWait();
        while ((available = WaitStrategies.Available(cursor, dependents)) < sequence)
        {
            barrier.CheckAlert();
            spin.SpinOnce();
        }
        return available;
    }

    public void SignalAllWhenBlocking()
    {
        // Full fence: the publish (a store) must not be ordered after this load, or a consumer that just
        // checked the cursor and went to sleep could be missed (it would still wake on its timeout).
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _sleepers) > 0)
        {
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        }
    }
}
