using Exchange.Core.Domain;
using Exchange.Core.Matching;

namespace Exchange.MarketData.Views;

/// <summary>The public state of one shard's engine at start, before its pipeline runs: instruments and their
/// resting orders in priority order. Taken on the thread that owns the (idle) engine.</summary>
public sealed record ShardSeed(int Shard, long EngineSequence, IReadOnlyList<InstrumentSeed> Instruments)
{
    /// <summary>Copies what the views need from an engine that no other thread is running.</summary>
    public static ShardSeed Capture(int shard, MatchingEngine engine)
    {
        var instruments = new List<InstrumentSeed>(engine.Instruments.Count);
        foreach (var instrument in engine.Instruments)
        {
            // Exact-size arrays filled once: a restart hands over a million orders here.
            instruments.Add(new InstrumentSeed(instrument.Symbol, instrument.TickSize, instrument.LotSize, instrument.ReferencePrice,
                instrument.Status, instrument.LastTradePrice, engine.GetRestingOrders(instrument.Symbol), engine.GetStopOrders(instrument.Symbol)));
        }
        return new ShardSeed(shard, engine.Sequence, instruments);
    }
}

/// <summary>One instrument of a <see cref="ShardSeed"/>: its rules, status, last price and resting orders
/// (bids then asks, each in priority order; stop orders are not in the book and not here: untriggered stops are in
/// <paramref name="Stops"/>, for the private orders channel only).</summary>
public sealed record InstrumentSeed(Symbol Symbol, long TickSize, long LotSize, long ReferencePrice, TradingStatus Status,
    long LastTradePrice, IReadOnlyList<RestingOrder> Orders, IReadOnlyList<RestingOrder>? Stops = null);
