namespace Exchange.Server.Pipeline;

/// <summary>Receives every engine event once it is durable, on the responder thread, in sequence order.
/// Implementations must not block: a slow listener holds up every acknowledgement.</summary>
public interface IEventListener
{
    void OnEvent(in OutboundSlot slot);
}
