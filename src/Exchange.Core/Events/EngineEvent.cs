using System.Runtime.InteropServices;
using Exchange.Core.Domain;

namespace Exchange.Core.Events;

/// <summary>One output of the engine. Plain struct; which fields are set depends on <see cref="Type"/>.
/// For order events the Order* fields describe the order concerned; for a <see cref="EventType.Trade"/>
/// they describe the taker and the Maker* fields the resting order.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct EngineEvent
{
    /// <summary>Gap-free engine sequence number, starting at 1.</summary>
    public long Sequence;

    /// <summary>Engine time of the command that caused the event.</summary>
    public long Timestamp;

    public EventType Type;
    public Side Side;
    public OrderType OrderType;
    public TimeInForce TimeInForce;
    public RejectReason RejectReason;
    public CancelReason CancelReason;
    public TradingStatus Status;

    /// <summary>Alert: what happened; StatusChanged: what caused it.</summary>
    public AlertKind Alert;

    /// <summary>LimitChanged: which limit.</summary>
    public RiskLimit Limit;

    /// <summary>BalanceChanged: the cash currency (empty for a position).</summary>
    public Currency Currency;

    /// <summary>Replaced: whether the order kept its time priority.</summary>
    public bool PriorityKept;

    public Symbol Symbol;

    /// <summary>Engine order id (0 for rejects of orders never accepted).</summary>
    public long OrderId;
    public long Account;
    public ClientOrderId ClientId;

    /// <summary>Replaced: the client id before the replace. Rejected: the order the command referred to.</summary>
    public ClientOrderId OrigClientId;

    /// <summary>Limit price, or the trade price for trades.</summary>
    public long Price;
    public long StopPrice;

    /// <summary>Order quantity (total) for Accepted/Replaced; traded quantity for trades; cancelled or expired
    /// quantity for Cancelled/Expired; reduction for Reduced; order count for MassCancelled.</summary>
    public long Quantity;

    /// <summary>Remaining open quantity of the order after the event.</summary>
    public long LeavesQuantity;

    /// <summary>Quantity filled so far (cumulative) after the event.</summary>
    public long FilledQuantity;

    /// <summary>Displayed quantity after the event (Accepted, Replenished, Replaced, Reduced; iceberg visible slice).</summary>
    public long DisplayQuantity;

    // Trade only: the resting order.
    public long TradeId;
    public long MakerOrderId;
    public long MakerAccount;
    public ClientOrderId MakerClientId;
    public long MakerLeavesQuantity;
    public long MakerFilledQuantity;
}
