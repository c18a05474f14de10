using Exchange.Core.Domain;
using Exchange.Core.Tests.Matching;

namespace Exchange.Core.Tests.Risk;

/// <summary>An engine with risk on: account 1 holds cash (1,000,000.00 USD), account 2 a position (1,000 AAPL) and cash.</summary>
internal static class RiskSetup
{
    public static EngineDriver Engine(string? reference = "100.00", int collarBps = 500, string tick = "0.01", long lot = 1)
    {
        var d = new EngineDriver(withInstrument: false);
        d.Instrument(EngineDriver.Symbol, tick: tick, lot: lot, reference: reference, collarBps: collarBps);
        Assert.Equal(["risk on"], d.EnableRisk());
        d.Deposit(1, "1000000");
        d.Deposit(2, "1000000");
        d.Deposit(2, "1000", symbol: EngineDriver.Symbol);
        return d;
    }

    /// <summary>One trade of 1 at <paramref name="price"/>: account 2 rests a sell, account 1 takes it.</summary>
    public static void Trade(EngineDriver d, string price, string id, string symbol = EngineDriver.Symbol)
    {
        d.Sell(2, "s" + id, price, 1, symbol: symbol);
        var events = d.Buy(1, "b" + id, price, 1, symbol: symbol);
        Assert.Contains(events, e => e.StartsWith("trade", StringComparison.Ordinal));
    }
}
