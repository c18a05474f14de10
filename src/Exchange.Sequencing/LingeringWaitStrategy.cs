using System.Diagnostics;

namespace Exchange.Sequencing;

/// <summary>Waits with <c>inner</c> (the ring's own strategy, the one producers signal), then, once something is
/// available, lingers while producers are still publishing (the cursor moved within the last
/// <c>quietMicroseconds</c>), up to <c>maxMicroseconds</c>. For a consumer with a high fixed cost per batch — the
/// journal, one fdatasync per batch — this turns a burst arriving one message at a time into one batch.</summary>
public sealed class LingeringWaitStrategy(IWaitStrategy inner, int quietMicroseconds = 5, int maxMicroseconds = 100) : IWaitStrategy
{
    private readonly long _quietTicks = Stopwatch.Frequency * quietMicroseconds / 1_000_000;
    private readonly long _maxTicks = Stopwatch.Frequency * maxMicroseconds / 1_000_000;

    public long WaitFor(long sequence, Sequence cursor, Sequence[] dependents, SequenceBarrier barrier)
    {
        long available = inner.WaitFor(sequence, cursor, dependents, barrier);
        long start = Stopwatch.GetTimestamp();
        long lastMove = start;
        long seen = cursor.Value;
        while (true)
        {
            long now = Stopwatch.GetTimestamp();
            if (now - lastMove > _quietTicks || now - start > _maxTicks)
            {
                break;
            }
            Thread.SpinWait(20);
            long current = cursor.Value;
            if (current != seen)
            {
                seen = current;
                lastMove = Stopwatch.GetTimestamp();
            }
        }
        return Math.Max(available, WaitStrategies.Available(cursor, dependents));
    }

    public void SignalAllWhenBlocking() => inner.SignalAllWhenBlocking();
}
