using Exchange.Core.Domain;
using Exchange.Core.Events;

namespace Exchange.Server.Bench;

/// <summary>Follows a scratch engine's events to know which generated orders are live, their price and
/// remaining quantity. Client ids are unique across the whole workload, so the client id alone is the key.</summary>
internal sealed class LiveOrderTracker
{
    private readonly Dictionary<ClientOrderId, TrackedOrder> _live = [];

    public int LiveCount => _live.Count;

    public long Trades { get; private set; }

    public long Rejected { get; private set; }

    /// <summary>Rejects of cancels and replaces: a generator that knows the book never produces them.</summary>
    public long RejectedUnknownOrder { get; private set; }

    /// <summary>Applies the events of one command. <paramref name="owner"/> receives an order the command creates.</summary>
    public void Apply(ReadOnlySpan<EngineEvent> events, LiveOrderSet? owner)
    {
        foreach (ref readonly var e in events)
        {
            switch (e.Type)
            {
                case EventType.Accepted when owner is not null:
                    var order = new TrackedOrder(e.Symbol, e.Account, e.ClientId, e.Side, e.Price, e.Quantity, owner)
                    {
                        LeavesQuantity = e.Quantity,
                    };
                    _live.Add(e.ClientId, order);
                    owner.Add(order);
                    break;
                case EventType.Trade:
                    Trades++;
                    UpdateLeaves(e.ClientId, e.LeavesQuantity);
                    UpdateLeaves(e.MakerClientId, e.MakerLeavesQuantity);
                    break;
                case EventType.Cancelled:
                case EventType.Expired:
                    Remove(e.ClientId);
                    break;
                case EventType.Replaced:
                    Rename(e);
                    break;
                case EventType.Rejected:
                    Rejected++;
                    if (e.RejectReason == RejectReason.UnknownOrder)
                    {
                        RejectedUnknownOrder++;
                    }
                    break;
                default:
                    break;
            }
        }
    }

    private void UpdateLeaves(ClientOrderId clientId, long leaves)
    {
        if (!_live.TryGetValue(clientId, out var order))
        {
            return;
        }
        order.LeavesQuantity = leaves;
        if (leaves == 0)
        {
            Remove(clientId);
        }
    }

    private void Remove(ClientOrderId clientId)
    {
        if (_live.Remove(clientId, out var order))
        {
            order.Owner.Remove(order);
        }
    }

    private void Rename(in EngineEvent replaced)
    {
        if (!_live.Remove(replaced.OrigClientId, out var order))
        {
            return;
        }
        order.ClientId = replaced.ClientId;
        order.Price = replaced.Price;
        order.Quantity = replaced.Quantity;
        order.LeavesQuantity = replaced.LeavesQuantity;
        _live.Add(order.ClientId, order);
    }
}
