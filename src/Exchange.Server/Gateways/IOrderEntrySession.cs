using Exchange.Server.Pipeline;

namespace Exchange.Server.Gateways;

/// <summary>One logged-in order-entry connection (FIX, binary, …) as the <see cref="OrderEntryHub"/> sees it:
/// an id, the account it trades for, and where the exchange's answers go.</summary>
public interface IOrderEntrySession
{
    /// <summary>Unique among attached sessions; from <see cref="OrderEntryHub.NewSessionId"/>.</summary>
    long SessionId { get; }

    /// <summary>The engine account this session trades for; every command it submits is stamped with it.</summary>
    long Account { get; }

    /// <summary>The session's stable id (<see cref="EntrySessionId"/>), stamped on the orders it enters so that
    /// cancel-on-disconnect and a session kill cancel just those; 0 (the default) marks its orders as entered by no
    /// session.</summary>
    long EntrySession => 0;

    /// <summary>A drop-copy session receives the reports of every order of its account, whichever session or
    /// gateway entered it; any other session, those of the orders it entered (and the answers to its commands).</summary>
    bool DropCopy => false;

    /// <summary>A durable engine event for this session. <paramref name="ownCommand"/> is true when the session's
    /// own command caused it (then <see cref="OutboundSlot.CorrelationId"/> is the session's, and a slot with
    /// <see cref="OutboundSlot.LastOfCommand"/> ends that command's answer — a command with no events arrives as
    /// one slot of event type 0); false for events of the orders the session entered that someone else caused (a
    /// passive fill, an expiry, an operator's cancel, another session of the account acting on it) and, for a
    /// drop-copy session, for events of every order of the account.
    /// Called on a responder thread — one per shard, so possibly concurrently — and must never block: copy what
    /// is needed into the session's own bounded queue.</summary>
    void OnExchangeEvent(in OutboundSlot slot, bool ownCommand);

    /// <summary>The end of the responder batch in which the session asked for it with
    /// <see cref="OrderEntryHub.FlushAtBatchEnd"/> (see <see cref="IEventListener.OnBatchEnd"/>), on that responder
    /// thread: send what the batch queued.</summary>
    void OnBatchEnd()
    {
    }
}
