using Exchange.Sequencing;

namespace Exchange.Server.Pipeline;

/// <summary>The responder thread's handler: releases each event only after the command that caused it is
/// durable (the <see cref="DurabilityGate"/> has passed it), then hands it to the listeners (sessions, market
/// data). This is where "durable before acknowledged" is enforced.</summary>
public sealed class ResponderStage : IEventHandler<OutboundSlot>
{
    private readonly DurabilityGate _durable;
    private readonly IEventListener[] _listeners; // an array: a foreach over it allocates no enumerator
    private readonly Func<bool> _isHalted;
    private readonly Action _flush;
    private long _knownDurable = Sequence.InitialValue;
    private bool _unflushed;
    private volatile bool _halted;

    public ResponderStage(DurabilityGate durable, IReadOnlyList<IEventListener> listeners)
    {
        _durable = durable;
        _listeners = [.. listeners];
        _isHalted = () => _halted;
        _flush = Flush;
    }

    /// <summary>Stops waiting for durability (shutdown after a fault): events not yet durable are never released.</summary>
    public void Halt() => _halted = true;

    public void OnEvent(ref OutboundSlot data, long sequence, bool endOfBatch)
    {
        if (data.CommandSequence > _knownDurable)
        {
            // If the wait is long (a group commit, with fsync), what is released already goes out before it. A
            // short one (durability arriving within the spin, as under load) keeps the batch together.
            _knownDurable = _durable.WaitFor(data.CommandSequence, _isHalted, _flush);
            if (_knownDurable < data.CommandSequence)
            {
                return; // halted: never release what is not durable
            }
        }
        foreach (var listener in _listeners)
        {
            listener.OnEvent(in data);
        }
        _unflushed = true;
        if (endOfBatch)
        {
            Flush();
        }
    }

    /// <summary>Tells the listeners that nothing more is released for now: the batch ended, or the next event must
    /// wait for durability.</summary>
    private void Flush()
    {
        if (!_unflushed)
        {
            return;
        }
        _unflushed = false;
        foreach (var listener in _listeners)
        {
            listener.OnBatchEnd();
        }
    }
}
