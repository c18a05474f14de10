using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Matching;

namespace Exchange.Benchmarks;

/// <summary>Builds the engine state the micro-benchmarks start from: a book like the `standard` scenario's
/// (about 500 orders per side over a few hundred levels around 100.00) and the commands to act on it.</summary>
internal static class BenchmarkBook
{
    public const long Tick = Price.Scale / 100;
    public const long Mid = 100 * Price.Scale;
    public const long Account = 1;

    private const int OrdersPerSide = 500;
    private const int LevelsPerSide = 375;

    /// <summary>One engine holding a book for each symbol.</summary>
    public static MatchingEngine Create(params Symbol[] symbols)
    {
        var engine = new MatchingEngine();
        var random = new Random(42);
        long clientId = 1_000_000;
        foreach (var symbol in symbols)
        {
            AddInstrument(engine, symbol);
            for (int i = 0; i < OrdersPerSide; i++)
            {
                // Leave the 10 ticks next to the mid empty: the benchmarks use them.
                long distance = (10 + 1 + random.Next(LevelsPerSide)) * Tick;
                engine.Process(Limit(symbol, clientId++, Side.Buy, Mid - distance, 1 + random.Next(100), TimeInForce.Gtc));
                engine.Process(Limit(symbol, clientId++, Side.Sell, Mid + distance, 1 + random.Next(100), TimeInForce.Gtc));
            }
        }
        return engine;
    }

    public static void AddInstrument(MatchingEngine engine, Symbol symbol) => engine.Process(new Command
    {
        Type = CommandType.AddInstrument,
        Symbol = symbol,
        TickSize = Tick,
        LotSize = 1,
        MinQuantity = 1,
        // Large enough for a maker that takes billions of 1-lot fills without being used up.
        MaxQuantity = 1_000_000_000_000,
    });

    public static Command Limit(Symbol symbol, long clientId, Side side, long price, long quantity, TimeInForce timeInForce) => new()
    {
        Type = CommandType.NewOrder,
        Symbol = symbol,
        Account = Account,
        ClientId = ClientOrderId.FromNumber(clientId),
        Side = side,
        OrderType = OrderType.Limit,
        TimeInForce = timeInForce,
        Price = price,
        Quantity = quantity,
    };

    public static Command Cancel(Symbol symbol, long clientId) => new()
    {
        Type = CommandType.Cancel,
        Symbol = symbol,
        Account = Account,
        OrigClientId = ClientOrderId.FromNumber(clientId),
    };

    public static Command Replace(Symbol symbol, long fromClientId, long toClientId, long price, long quantity) => new()
    {
        Type = CommandType.Replace,
        Symbol = symbol,
        Account = Account,
        OrigClientId = ClientOrderId.FromNumber(fromClientId),
        ClientId = ClientOrderId.FromNumber(toClientId),
        Price = price,
        Quantity = quantity,
    };
}
