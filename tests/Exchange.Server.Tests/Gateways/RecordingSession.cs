using System.Collections.Concurrent;
using Exchange.Core.Events;
using Exchange.Server.Gateways;
using Exchange.Server.Pipeline;

namespace Exchange.Server.Tests.Gateways;

/// <summary>A session that records what the hub delivers to it.</summary>
internal sealed class RecordingSession(long sessionId, long account) : IOrderEntrySession
{
    public long SessionId { get; } = sessionId;

    public long Account { get; } = account;

    public bool DropCopy { get; init; }

    /// <summary>Distinct per session unless a test says otherwise (a reconnect of the same session).</summary>
    public long EntrySession { get; init; } = 1_000 + sessionId;

    public ConcurrentQueue<(EngineEvent Event, bool Own, long Correlation, bool Last)> Received { get; } = new();

    public void OnExchangeEvent(in OutboundSlot slot, bool ownCommand) =>
        Received.Enqueue((slot.Event, ownCommand, slot.CorrelationId, slot.LastOfCommand));

    /// <summary>Waits until a delivery matches (events arrive on the responder thread).</summary>
    public (EngineEvent Event, bool Own, long Correlation, bool Last) WaitFor(Func<(EngineEvent Event, bool Own, long Correlation, bool Last), bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var item in Received)
            {
                if (match(item))
                {
                    return item;
                }
            }
            Thread.Sleep(1);
        }
        throw new TimeoutException("The expected event did not arrive.");
    }
}
