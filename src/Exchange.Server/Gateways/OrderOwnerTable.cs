using Exchange.Core.Events;

namespace Exchange.Server.Gateways;

/// <summary>Which order-entry session entered each working order of one shard (engine order id → session id), so
/// the order's later reports go to that session rather than to every session of the account. Learned from the
/// Accepted events, forgotten when the order is done (filled, cancelled, expired). Lives in memory only: orders
/// entered before a restart are not in it. Used by one responder thread (a shard's), so it needs no lock; its size is
/// bounded by the shard's working orders.</summary>
internal sealed class OrderOwnerTable
{
    /// <summary>The owner of an order entered by something that is not a session (the REST API, an operator).</summary>
    public const long NoSession = -1;

    private readonly Dictionary<long, long> _sessionByOrder = new(1024);

    public int Count => _sessionByOrder.Count;

    public bool TryGetOwner(long orderId, out long sessionId) => _sessionByOrder.TryGetValue(orderId, out sessionId);

    /// <summary>Learns owners from an event (after it was routed): an order accepted for a session's command
    /// belongs to that session (<paramref name="submitterSessionId"/>; <see cref="NoSession"/> when the command did
    /// not come from a session); an order that is done is forgotten.</summary>
    public void Observe(in EngineEvent e, long submitterSessionId)
    {
        switch (e.Type)
        {
            case EventType.Accepted:
                _sessionByOrder[e.OrderId] = submitterSessionId;
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
