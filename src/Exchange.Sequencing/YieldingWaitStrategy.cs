namespace Exchange.Sequencing;

/// <summary>Spins briefly, then yields the core on each further try: low latency while sharing cores with
/// other runnable threads.</summary>
public sealed class YieldingWaitStrategy : IWaitStrategy
{
    private const int SpinTries = 100;

    public long WaitFor(long sequence, Sequence cursor, Sequence[] dependents, SequenceBarrier barrier)
    {
        int counter = SpinTries;
        long available;
        while ((available = WaitStrategies.Available(cursor, dependents)) < sequence)
        {
            barrier.CheckAlert();
            if (counter > 0)
            {
                counter--;
                Thread.SpinWait(1);
            }
            else
            {
                Thread.Yield();
            }
        }
        return available;
    }

    public void SignalAllWhenBlocking()
    {
    }
}
