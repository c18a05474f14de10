using Exchange.Binary.Messages;

namespace Exchange.Binary.Client;

/// <summary>Receives the server's sequenced messages from <see cref="BinaryOrderEntryClient.Receive"/>, on the
/// thread that calls it. Implement it on a struct or sealed class: the call is made through a generic
/// parameter, not a virtual call. <c>sequence</c> is the message's sequence number in the stream.</summary>
public interface IServerMessageHandler
{
    void OnAccepted(ulong sequence, in OrderAccepted message);

    void OnRejected(ulong sequence, in OrderRejected message);

    void OnExecuted(ulong sequence, in OrderExecuted message);

    void OnCanceled(ulong sequence, in OrderCanceled message);

    void OnReplaced(ulong sequence, in OrderReplaced message);

    void OnRestated(ulong sequence, in OrderRestated message);

    void OnMassCanceled(ulong sequence, in MassCanceled message);
}
