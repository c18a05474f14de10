namespace Exchange.Server.Pipeline;

/// <summary>Receives every engine event once it is durable, on the responder thread, in sequence order.
/// Implementations must not block: a slow listener holds up every acknowledgement.</summary>
public interface IEventListener
{
    void OnEvent(in OutboundSlot slot);

    /// <summary>On the responder thread, when it has released everything it can for now: at the end of its batch,
    /// or before it waits for the next event's command to become durable. The moment to hand what the events
    /// since the previous call produced to the network in one go.</summary>
    void OnBatchEnd()
    {
    }
}
