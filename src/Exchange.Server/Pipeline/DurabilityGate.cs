using Exchange.Journal;
using Exchange.Sequencing;

namespace Exchange.Server.Pipeline;

/// <summary>How far the inbound ring is durable, and a way to wait for it without spinning a core or sleeping a
/// whole scheduler tick: the journal thread signals after each group commit, and a responder that waits
/// sleeps on a monitor until then. With a journal, "durable" is the writer's durable sequence (advanced only
/// after the fdatasync returned); without one, the engine's progress.</summary>
public sealed class DurabilityGate
{
    private readonly JournalWriter? _journal;
    private readonly long _journalBase;
    private readonly Sequence? _fallback;
    private readonly object _gate = new();
    private int _sleepers;

    /// <summary>Durability follows <paramref name="journal"/>: ring sequence s is durable once the journal's
    /// durable sequence reaches s + <paramref name="journalBase"/>.</summary>
    public DurabilityGate(JournalWriter journal, long journalBase)
    {
        _journal = journal;
        _journalBase = journalBase;
    }

    /// <summary>No journal: a command counts as durable once <paramref name="processed"/> has passed it.</summary>
    public DurabilityGate(Sequence processed) => _fallback = processed;

    /// <summary>The highest durable ring sequence.</summary>
    public long Durable => _journal is not null ? _journal.DurableSequence - _journalBase : _fallback!.Value;

    /// <summary>Called by the journal thread after each group commit.</summary>
    public void Signal()
    {
        // Full fence: the durable sequence's store must not pass this load (see BlockingWaitStrategy).
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _sleepers) > 0)
        {
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>Waits until ring sequence <paramref name="sequence"/> is durable; returns the durable sequence then,
    /// or a smaller value if <paramref name="halted"/> became true. <paramref name="beforeSleep"/> runs once if the
    /// wait outlasts the short spin, right before the thread sleeps.</summary>
    public long WaitFor(long sequence, Func<bool> halted, Action? beforeSleep = null)
    {
        long durable;
        var spin = new SpinWait();
        for (int i = 0; i < 50 && (durable = Durable) < sequence; i++)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }
        if ((durable = Durable) >= sequence)
        {
            return durable;
        }
        beforeSleep?.Invoke();
        lock (_gate)
        {
            Interlocked.Increment(ref _sleepers);
            try
            {
                while ((durable = Durable) < sequence && !halted())
                {
                    // The timeout is a safety net only (and lets a halt be noticed).
                    Monitor.Wait(_gate, 5);
                }
            }
            finally
            {
                Interlocked.Decrement(ref _sleepers);
            }
        }
        return durable;
    }
}
