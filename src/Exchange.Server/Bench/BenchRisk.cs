using Exchange.Core.Commands;
using Exchange.Core.Domain;

namespace Exchange.Server.Bench;

/// <summary>`bench --risk`: the same generated stream with accounts and pre-trade risk on. After the instruments it
/// inserts EnableRisk, a deposit of cash and of every instrument for every account the stream uses, fees and
/// generous limits (every check runs on every order, none trips), so the measured engine does the full risk work —
/// limit checks, cash and position holds on every order, replace and cancel, settlement and fees on every trade —
/// and still produces exactly the events of the run without risk. Price bands, move levels and volume alerts are
/// off: the workloads move prices by up to ±50%, which bands would (rightly) stop. docs/risk.md, docs/benchmarks.md.</summary>
internal static class BenchRisk
{
    public static GeneratedWorkload Apply(GeneratedWorkload workload)
    {
        var commands = workload.Commands;
        int first = 0;
        var symbols = new List<Symbol>();
        while (first < commands.Length && commands[first].Type == CommandType.AddInstrument)
        {
            symbols.Add(commands[first].Symbol);
            first++;
        }
        long maxAccount = 0;
        foreach (ref readonly var c in commands.AsSpan())
        {
            maxAccount = Math.Max(maxAccount, c.Account);
        }

        var setup = new List<Command> { new() { Type = CommandType.EnableRisk } };
        foreach (var symbol in symbols)
        {
            setup.Add(Limit(RiskLimit.InstrumentLuldTier, 0, 0, symbol));
            setup.Add(Limit(RiskLimit.InstrumentMoveLevelBps, 0, 0, symbol));
            setup.Add(Limit(RiskLimit.InstrumentMaxOrderQuantity, 1_000_000_000, 0, symbol));
            setup.Add(Limit(RiskLimit.InstrumentMaxOrderNotional, long.MaxValue / 4, 0, symbol));
            setup.Add(Limit(RiskLimit.InstrumentPriceBandBps, 10_000, 0, symbol));
        }
        for (long account = 1; account <= maxAccount; account++)
        {
            setup.Add(new Command { Type = CommandType.Deposit, Account = account, Quantity = Price.Parse("1000000000") });
            foreach (var symbol in symbols)
            {
                setup.Add(new Command { Type = CommandType.Deposit, Account = account, Symbol = symbol, Quantity = 1_000_000_000 });
            }
            setup.Add(Limit(RiskLimit.AccountShortSellLimit, 1_000_000_000, account));
            setup.Add(Limit(RiskLimit.AccountMakerFeeBps, 1, account));
            setup.Add(Limit(RiskLimit.AccountTakerFeeBps, 3, account));
            setup.Add(Limit(RiskLimit.AccountMaxOrderQuantity, 1_000_000_000, account));
            setup.Add(Limit(RiskLimit.AccountMaxOrderNotional, long.MaxValue / 4, account));
            setup.Add(Limit(RiskLimit.AccountMaxOpenOrders, 1_000_000_000, account));
            setup.Add(Limit(RiskLimit.AccountCreditLimit, long.MaxValue / 4, account));
        }
        long time = first > 0 ? commands[first - 1].Timestamp : commands[0].Timestamp;
        var result = new Command[commands.Length + setup.Count];
        Array.Copy(commands, result, first);
        for (int i = 0; i < setup.Count; i++)
        {
            var c = setup[i];
            c.Timestamp = time;
            result[first + i] = c;
        }
        Array.Copy(commands, first, result, first + setup.Count, commands.Length - first);
        return workload with
        {
            Scenario = workload.Scenario + "+risk",
            Commands = result,
            WarmupStart = workload.WarmupStart + setup.Count,
            MeasuredStart = workload.MeasuredStart + setup.Count,
        };
    }

    private static Command Limit(RiskLimit limit, long value, long account, Symbol symbol = default) => new()
    {
        Type = CommandType.SetLimit, Limit = limit, Quantity = value, Account = account, Symbol = symbol,
    };
}
