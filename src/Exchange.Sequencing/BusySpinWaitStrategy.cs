namespace Exchange.Sequencing;

/// <summary>Spins without ever giving up the core: lowest latency, burns a whole core. Use only when there
/// are more cores than spinning threads.</summary>
public sealed class BusySpinWaitStrategy : IWaitStrategy
{
    public long WaitFor(long sequence, Sequence cursor, Sequence[] dependents, SequenceBarrier barrier)
    {
        long available;
        while ((available = WaitStrategies.Available(cursor, dependents)) < sequence)
        {
            barrier.CheckAlert();
            Thread.SpinWait(1);
        }
        return available;
    }

    public void SignalAllWhenBlocking()
    {
    }
}
