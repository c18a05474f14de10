using Exchange.Core.Commands;
using Exchange.Core.Domain;

namespace Exchange.Server.Bench;

/// <summary>Builds the few command shapes the benchmark workloads use. Timestamps are set by
/// <see cref="CommandStreamRecorder"/>.</summary>
internal static class WorkloadCommands
{
    /// <summary>Price units per tick for every benchmark instrument: a tick of 0.01.</summary>
    public const long TickUnits = Price.Scale / 100;

    public static Command AddInstrument(Symbol symbol, long referenceTicks, int collarBasisPoints) => new()
    {
        Type = CommandType.AddInstrument,
        Symbol = symbol,
        TickSize = TickUnits,
        LotSize = 1,
        MinQuantity = 1,
        MaxQuantity = 1_000_000,
        Price = referenceTicks * TickUnits,
        CollarBasisPoints = collarBasisPoints,
    };

    public static Command Limit(Symbol symbol, long account, ClientOrderId clientId, Side side, long priceTicks,
        long quantity, TimeInForce timeInForce) => new()
    {
        Type = CommandType.NewOrder,
        Symbol = symbol,
        Account = account,
        ClientId = clientId,
        Side = side,
        OrderType = OrderType.Limit,
        TimeInForce = timeInForce,
        Price = priceTicks * TickUnits,
        Quantity = quantity,
    };

    public static Command Market(Symbol symbol, long account, ClientOrderId clientId, Side side, long quantity) => new()
    {
        Type = CommandType.NewOrder,
        Symbol = symbol,
        Account = account,
        ClientId = clientId,
        Side = side,
        OrderType = OrderType.Market,
        TimeInForce = TimeInForce.Ioc,
        Quantity = quantity,
    };

    public static Command Cancel(TrackedOrder order) => new()
    {
        Type = CommandType.Cancel,
        Symbol = order.Symbol,
        Account = order.Account,
        OrigClientId = order.ClientId,
        Side = order.Side,
    };

    /// <summary>Moves a live order to a new price, keeping its total quantity (so it is always above the filled part).</summary>
    public static Command MovePrice(TrackedOrder order, ClientOrderId newClientId, long newPriceTicks) => new()
    {
        Type = CommandType.Replace,
        Symbol = order.Symbol,
        Account = order.Account,
        ClientId = newClientId,
        OrigClientId = order.ClientId,
        Side = order.Side,
        OrderType = OrderType.Limit,
        TimeInForce = TimeInForce.Gtc,
        Price = newPriceTicks * TickUnits,
        Quantity = order.Quantity,
    };
}
