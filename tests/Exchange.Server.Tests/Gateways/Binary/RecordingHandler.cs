using Exchange.Binary.Client;
using Exchange.Binary.Messages;

namespace Exchange.Server.Tests.Gateways.Binary;

/// <summary>Keeps every sequenced message a client receives, boxed, with its sequence number (tests only).</summary>
internal sealed class RecordingHandler : IServerMessageHandler
{
    public List<(ulong Sequence, object Message)> Received { get; } = [];

    public void OnAccepted(ulong sequence, in OrderAccepted message) => Received.Add((sequence, message));

    public void OnRejected(ulong sequence, in OrderRejected message) => Received.Add((sequence, message));

    public void OnExecuted(ulong sequence, in OrderExecuted message) => Received.Add((sequence, message));

    public void OnCanceled(ulong sequence, in OrderCanceled message) => Received.Add((sequence, message));

    public void OnReplaced(ulong sequence, in OrderReplaced message) => Received.Add((sequence, message));

    public void OnRestated(ulong sequence, in OrderRestated message) => Received.Add((sequence, message));

    public void OnMassCanceled(ulong sequence, in MassCanceled message) => Received.Add((sequence, message));

    /// <summary>Receives until a message of type <typeparamref name="T"/> matches (or 10 s pass).</summary>
    public T WaitFor<T>(BinaryOrderEntryClient client, Func<T, bool>? match = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        int seen = 0;
        while (DateTime.UtcNow < deadline)
        {
            for (; seen < Received.Count; seen++)
            {
                if (Received[seen].Message is T m && (match is null || match(m)))
                {
                    seen++;
                    return m;
                }
            }
            var self = this;
            if (client.Receive(ref self) < 0)
            {
                throw new IOException("The connection ended.");
            }
        }
        throw new TimeoutException($"No {typeof(T).Name} arrived.");
    }
}
