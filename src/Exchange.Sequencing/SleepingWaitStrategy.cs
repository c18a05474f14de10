namespace Exchange.Sequencing;

/// <summary>Polls once a millisecond and is never woken by producers: for a consumer that must keep up but not
/// promptly (e.g. the snapshot engine), so that it costs no wake-up per publish and works in large batches,
/// leaving the cores to the latency-critical consumers.</summary>
public sealed class SleepingWaitStrategy : IWaitStrategy
{
    public long WaitFor(long sequence, Sequence cursor, Sequence[] dependents, SequenceBarrier barrier)
    {
        long available;
        while ((available = WaitStrategies.Available(cursor, dependents)) < sequence)
        {
            barrier.CheckAlert();
            Thread.Sleep(1);
        }
        return available;
    }

    public void SignalAllWhenBlocking()
    {
    }
}
