using Exchange.Core.Domain;
using Exchange.Core.Events;

namespace Exchange.Core.Tests.Risk;

/// <summary>Enum values only risk (accounts, limits, circuit breakers) produces: the matching-only workloads and the
/// reference model never see them; the tests under Risk/ do.</summary>
internal static class RiskOnlyValues
{
    public static readonly EventType[] Events = [EventType.Alert, EventType.BalanceChanged, EventType.LimitChanged, EventType.RiskEnabled];

    public static readonly CancelReason[] CancelReasons = [CancelReason.KillSwitch, CancelReason.CircuitBreaker];

    public static readonly RejectReason[] RejectReasons =
    [
        RejectReason.InsufficientFunds, RejectReason.InsufficientPosition, RejectReason.OrderQuantityLimit,
        RejectReason.OrderNotionalLimit, RejectReason.FatFingerPrice, RejectReason.OpenOrderLimit, RejectReason.CreditLimit,
        RejectReason.AccountBlocked, RejectReason.PriceOutsideBand, RejectReason.TradingPaused, RejectReason.NoPriceProtection,
        RejectReason.InvalidOperatorCommand,
    ];
}
