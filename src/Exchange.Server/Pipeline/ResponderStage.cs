using Exchange.Sequencing;

namespace Exchange.Server.Pipeline;

/// <summary>The responder thread's handler: releases each event only after the command that caused it is
/// durable (the durable sequence has reached it), then hands it to the listeners (sessions, market data).
/// This is where "durable before acknowledged" is enforced.</summary>
public sealed class ResponderStage(Sequence durable, IReadOnlyList<IEventListener> listeners) : IEventHandler<OutboundSlot>
{
    private long _knownDurable = Sequence.InitialValue;
    private volatile bool _halted;

    /// <summary>Stops waiting for durability (shutdown after a fault): events not yet durable are never released.</summary>
    public void Halt() => _halted = true;

    public void OnEvent(ref OutboundSlot data, long sequence, bool endOfBatch)
    {
        if (data.CommandSequence > _knownDurable)
        {
            var spin = new SpinWait();
            while ((_knownDurable = durable.Value) < data.CommandSequence)
            {
                if (_halted)
                {
                    return;
                }
                spin.SpinOnce();
            }
        }
        foreach (var listener in listeners)
        {
            listener.OnEvent(in data);
        }
    }
}
