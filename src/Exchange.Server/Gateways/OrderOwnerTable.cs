using Exchange.Core.Events;

namespace Exchange.Server.Gateways;

/// <summary>Which order-entry session entered each working order of one shard (engine order id → the session's
/// stable <see cref="IOrderEntrySession.EntrySession"/>), so the order's later reports go to that session rather than
/// to every session of the account. Seeded from the recovered engine at start (the engine keeps each order's entry
/// session), then learned from the Accepted events and forgotten when the order is done (filled, cancelled, expired).
/// Used by one responder thread (a shard's), so it needs no lock; its size is bounded by the shard's working orders.</summary>
internal sealed class OrderOwnerTable
{
    /// <summary>The owner of an order entered by something that is not a session (the REST API, an operator).</summary>
    public const long NoSession = 0;

    private readonly Dictionary<long, long> _sessionByOrder;

    public OrderOwnerTable(IReadOnlyCollection<(long OrderId, long EntrySession)>? recovered = null)
    {
        _sessionByOrder = new Dictionary<long, long>(Math.Max(1024, recovered?.Count ?? 0));
        if (recovered is not null)
        {
            foreach (var (orderId, session) in recovered)
            {
                _sessionByOrder[orderId] = session;
            }
        }
    }

    public int Count => _sessionByOrder.Count;

    /// <summary>The entry session of a working order; false for an order not in the table: entered on no session
    /// before a restart (those are not seeded), or from a journal written before orders kept their session.</summary>
    public bool TryGetOwner(long orderId, out long entrySession) => _sessionByOrder.TryGetValue(orderId, out entrySession);

    /// <summary>Learns owners from an event (after it was routed): an order accepted for a session's command
    /// belongs to that session (<paramref name="submitterEntrySession"/>; <see cref="NoSession"/> when the command
    /// did not come from a session); an order that is done is forgotten.</summary>
    public void Observe(in EngineEvent e, long submitterEntrySession)
    {
        switch (e.Type)
        {
            case EventType.Accepted:
                _sessionByOrder[e.OrderId] = submitterEntrySession;
                break;
            case EventType.Cancelled or EventType.Expired:
                _sessionByOrder.Remove(e.OrderId);
                break;
            case EventType.Replaced or EventType.Reduced when e.LeavesQuantity == 0:
                _sessionByOrder.Remove(e.OrderId);
                break;
            case EventType.Trade:
                if (e.LeavesQuantity == 0)
                {
                    _sessionByOrder.Remove(e.OrderId);
                }
                if (e.MakerLeavesQuantity == 0)
                {
                    _sessionByOrder.Remove(e.MakerOrderId);
                }
                break;
        }
    }
}
