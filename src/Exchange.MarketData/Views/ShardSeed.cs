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
            instruments.Add(new InstrumentSeed(instrument.Symbol, instrument.TickSize, instrument.LotSize, instrument.ReferencePrice,
                instrument.Status, instrument.LastTradePrice, CopyBook(engine, instrument.Symbol), engine.GetStopOrders(instrument.Symbol)));
        }
        return new ShardSeed(shard, engine.Sequence, instruments);
    }

    /// <summary>Books from this many orders up are copied a side per thread.</summary>
    internal const int ParallelFromOrders = 100_000;

    /// <summary>Bids then asks in one exact-size array. A restart hands over a million orders here: a large book's
    /// asks are copied on a pool thread while this one copies the bids (both only read the idle engine); should no
    /// pool thread have taken the asks by the time the bids are done, this thread copies them too.</summary>
    private static RestingOrder[] CopyBook(MatchingEngine engine, Symbol symbol)
    {
        int bids = engine.CountRestingOrders(symbol, Side.Buy);
        int asks = engine.CountRestingOrders(symbol, Side.Sell);
        var orders = GC.AllocateUninitializedArray<RestingOrder>(bids + asks);
        if (bids + asks < ParallelFromOrders)
        {
            engine.CopyRestingOrders(symbol, Side.Buy, orders.AsSpan(0, bids));
            engine.CopyRestingOrders(symbol, Side.Sell, orders.AsSpan(bids));
            return orders;
        }
        // 0: nobody has the asks yet; 1: the pool thread copies them; 2: this thread does (and never waits for the
        // pool thread, which may not run at all while the pool is busy).
        int claimed = 0;
        var helper = Task.Run(() =>
        {
            if (Interlocked.CompareExchange(ref claimed, 1, 0) == 0)
            {
                engine.CopyRestingOrders(symbol, Side.Sell, orders.AsSpan(bids));
            }
        });
        engine.CopyRestingOrders(symbol, Side.Buy, orders.AsSpan(0, bids));
        if (Interlocked.CompareExchange(ref claimed, 2, 0) == 0)
        {
            engine.CopyRestingOrders(symbol, Side.Sell, orders.AsSpan(bids));
        }
        else
        {
            helper.GetAwaiter().GetResult();
        }
        return orders;
    }
}

/// <summary>One instrument of a <see cref="ShardSeed"/>: its rules, status, last price and resting orders
/// (bids then asks, each in priority order; stop orders are not in the book and not here: untriggered stops are in
/// <paramref name="Stops"/>, for the private orders channel only).</summary>
public sealed record InstrumentSeed(Symbol Symbol, long TickSize, long LotSize, long ReferencePrice, TradingStatus Status,
    long LastTradePrice, IReadOnlyList<RestingOrder> Orders, IReadOnlyList<RestingOrder>? Stops = null);
