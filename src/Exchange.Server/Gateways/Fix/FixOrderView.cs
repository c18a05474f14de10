using Exchange.Core.Domain;

namespace Exchange.Server.Gateways.Fix;

/// <summary>An order as FIX reports it: what the engine's events say plus what FIX needs and the events do not carry
/// (the average fill price). A copy: it does not change when the order does.</summary>
public readonly record struct FixOrderView(
    long OrderId,
    ClientOrderId ClientId,
    Symbol Symbol,
    Side Side,
    OrderType OrderType,
    TimeInForce TimeInForce,
    long Price,
    long StopPrice,
    long OrderQuantity,
    long CumQuantity,
    long LeavesQuantity,
    long AveragePrice,
    char OrdStatus,
    bool AveragePriceApproximate);
