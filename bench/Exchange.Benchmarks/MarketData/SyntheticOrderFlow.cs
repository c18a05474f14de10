using Exchange.Core.Commands;
using Exchange.Core.Domain;

namespace Exchange.Benchmarks.MarketData;

/// <summary>A seeded order flow on a few instruments for the market-data harnesses: limit orders around a drifting mid
/// (a fifth of them marketable), cancels of live orders, so books stay a few hundred orders deep and every kind of book
/// update and trade happens. Timestamps are set by the caller.</summary>
internal sealed class SyntheticOrderFlow
{
    public static readonly string[] Symbols = ["AAPL", "MSFT", "GOOG", "TSLA"];

    private readonly Random _random;
    private readonly Symbol[] _symbols = [.. Symbols.Select(Symbol.Parse)];
    private readonly long[] _mid = [.. Symbols.Select(_ => 10_000L)]; // ticks of 0.01
    private readonly List<(long Account, ClientOrderId Id, int Symbol)> _live = [];
    private long _next;

    public SyntheticOrderFlow(int seed) => _random = new Random(seed);

    public IEnumerable<Command> Instruments() => _symbols.Select(s => new Command
    {
        Type = CommandType.AddInstrument, Symbol = s, TickSize = Price.Scale / 100, LotSize = 1, MinQuantity = 1, MaxQuantity = 1_000_000,
    });

    public Command Next()
    {
        if (_live.Count > 400 || (_live.Count > 0 && _random.Next(100) < 30))
        {
            int i = _random.Next(_live.Count);
            var (account, id, _) = _live[i];
            _live[i] = _live[^1];
            _live.RemoveAt(_live.Count - 1);
            return new Command { Type = CommandType.Cancel, Account = account, OrigClientId = id };
        }
        int s = _random.Next(_symbols.Length);
        if (_random.Next(100) == 0)
        {
            _mid[s] += _random.Next(-1, 2);
        }
        var side = _random.Next(2) == 0 ? Side.Buy : Side.Sell;
        bool marketable = _random.Next(100) < 20;
        long offset = marketable ? -_random.Next(0, 3) : _random.Next(1, 15);
        long ticks = side == Side.Buy ? _mid[s] - offset : _mid[s] + offset;
        long accountId = 1 + _random.Next(8);
        var client = ClientOrderId.Parse($"c{++_next}");
        _live.Add((accountId, client, s));
        return new Command
        {
            Type = CommandType.NewOrder, Symbol = _symbols[s], Account = accountId, ClientId = client, Side = side, OrderType = OrderType.Limit,
            TimeInForce = TimeInForce.Gtc, Price = ticks * (Price.Scale / 100), Quantity = 1 + _random.Next(1, 20) * 10,
        };
    }
}
