namespace Exchange.Server.Pipeline;

/// <summary>Receives every engine event once it is durable, on the responder thread, in sequence order.
/// Implementations must not block: a slow listener holds up every acknowledgement.</summary>
public interface IEventListener
{
    void OnEvent(in OutboundSlot slot);

    /// <summary>After the last event of a responder batch (the responder had nothing more that was durable), on the
    /// same thread: the moment to hand what the batch produced to the network in one go.</summary>
    void OnBatchEnd()
    {
    }
}
