using System.Runtime.InteropServices;
using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Events;
using Exchange.Core.Matching;
using Xunit.Abstractions;

namespace Exchange.Core.Tests.Risk;

/// <summary>Random workloads with risk on: after every command no cash balance is negative or below what it holds,
/// holds equal what the open orders require, cash per currency changes only by deposits, withdrawals and fees, and
/// positions only by deposits and withdrawals. Every 25,000 commands the engine is snapshotted and restored, and the
/// restored engine must produce byte-identical events from then on.</summary>
public class RiskInvariantTests(ITestOutputHelper output)
{
    private const int Commands = 150_000;
    private const long Millisecond = 1_000_000;
    private static readonly string[] Symbols = ["AAA", "BBB"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ShouldKeepEveryInvariantAfterEveryCommand(int seed)
    {
        var random = new Random(seed);
        var engine = new MatchingEngine();
        var shadow = (MatchingEngine?)null;
        long time = 1_000_000 * Millisecond;
        long cashIn = 0;
        var positionIn = new long[Symbols.Length];
        var events = new Dictionary<EventType, int>();
        var rejects = new Dictionary<RejectReason, int>();
        var live = new List<(long Account, string Id)>();
        int nextId = 0;

        void Apply(Command c)
        {
            c.Timestamp = time;
            var produced = engine.Process(in c);
            if (shadow is not null)
            {
                var mirror = shadow.Process(in c);
                Assert.True(MemoryMarshal.AsBytes(mirror).SequenceEqual(MemoryMarshal.AsBytes(produced)),
                    $"restored engine differs at {c.Type}: [{string.Join(", ", Matching.EngineDriver.Describe(mirror.ToArray()))}] " +
                    $"instead of [{string.Join(", ", Matching.EngineDriver.Describe(produced.ToArray()))}]");
            }
            foreach (var e in produced)
            {
                events[e.Type] = events.GetValueOrDefault(e.Type) + 1;
                if (e.Type == EventType.Rejected)
                {
                    rejects[e.RejectReason] = rejects.GetValueOrDefault(e.RejectReason) + 1;
                }
                if (e.Type == EventType.BalanceChanged)
                {
                    if (e.Symbol.IsEmpty)
                    {
                        cashIn += e.Quantity;
                    }
                    else
                    {
                        positionIn[Array.IndexOf(Symbols, e.Symbol.ToString())] += e.Quantity;
                    }
                }
            }
        }

        Apply(Instrument("AAA", "0.01", 1, "100.00", 500));
        Apply(Instrument("BBB", "0.01", 10, "2.00", 1000));
        Apply(new Command { Type = CommandType.EnableRisk });
        for (long account = 1; account <= 6; account++)
        {
            Apply(new Command { Type = CommandType.Deposit, Account = account, Quantity = Price.Parse("20000") });
            Apply(new Command { Type = CommandType.Deposit, Account = account, Symbol = Symbol.Parse("AAA"), Quantity = 200 });
            Apply(new Command { Type = CommandType.Deposit, Account = account, Symbol = Symbol.Parse("BBB"), Quantity = 2000 });
            Apply(Limit(RiskLimit.AccountMakerFeeBps, random.Next(0, 11), account));
            Apply(Limit(RiskLimit.AccountTakerFeeBps, random.Next(0, 31), account));
            if (account % 3 == 0)
            {
                Apply(Limit(RiskLimit.AccountShortSellLimit, 100, account));
            }
        }
        Apply(Limit(RiskLimit.InstrumentVolumeSpikeMultiple, 20, 0, "AAA"));
        Apply(Limit(RiskLimit.InstrumentImbalancePercent, 95, 0, "BBB"));
        Apply(Limit(RiskLimit.InstrumentLuldTier, 2, 0, "BBB"));

        for (int n = 0; n < Commands; n++)
        {
            time += random.Next(20) == 0 ? random.Next(1, 20_000) * Millisecond : random.Next(1, 200) * Millisecond;
            if (n > 0 && n % 25_000 == 0)
            {
                var stream = new MemoryStream();
                engine.WriteSnapshot(stream);
                stream.Position = 0;
                shadow = MatchingEngine.ReadSnapshot(stream);
                Assert.Equal(engine.ComputeStateDigest(), shadow.ComputeStateDigest());
            }
            Apply(Next(random, engine, live, ref nextId));

            string? violation = engine.AuditRisk();
            Assert.True(violation is null, $"command {n}: {violation}");
            Assert.Equal(cashIn, engine.TotalCash(Currency.Default) + engine.GetFeesCollected(Currency.Default));
            for (int s = 0; s < Symbols.Length; s++)
            {
                Assert.Equal(positionIn[s], engine.TotalPosition(Symbol.Parse(Symbols[s])));
            }
        }
        output.WriteLine("Events: " + string.Join(", ", events.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}")));
        output.WriteLine("Rejects: " + string.Join(", ", rejects.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}")));
        output.WriteLine($"Fees: {Price.Format(engine.GetFeesCollected(Currency.Default))}");
        // The workload must reach the interesting paths, or the invariants prove little.
        Assert.True(events.GetValueOrDefault(EventType.Trade) > Commands / 20);
        Assert.True(rejects.GetValueOrDefault(RejectReason.InsufficientFunds) + rejects.GetValueOrDefault(RejectReason.InsufficientPosition) > 100);
        Assert.True(events.GetValueOrDefault(EventType.Alert) > 10);
        Assert.True(engine.GetFeesCollected(Currency.Default) > 0);
    }

    private static Command Next(Random random, MatchingEngine engine, List<(long Account, string Id)> live, ref int nextId)
    {
        long account = random.Next(1, 8); // account 7 is never funded
        string symbol = Symbols[random.Next(Symbols.Length)];
        var sym = Symbol.Parse(symbol);
        int roll = random.Next(1000);
        if (roll < 200 && live.Count > 0)
        {
            int k = random.Next(live.Count);
            var (owner, id) = live[k];
            live.RemoveAt(k);
            return new Command { Type = CommandType.Cancel, Account = owner, OrigClientId = ClientOrderId.Parse(id) };
        }
        if (roll < 350 && live.Count > 0)
        {
            int k = random.Next(live.Count);
            var (owner, id) = live[k];
            string newId = $"o{++nextId}";
            live[k] = (owner, newId);
            return new Command
            {
                Type = CommandType.Replace, Account = owner, OrigClientId = ClientOrderId.Parse(id), ClientId = ClientOrderId.Parse(newId),
                Price = PriceNear(random, engine, sym), Quantity = random.Next(1, 40) * (symbol == "BBB" ? 10 : 1),
            };
        }
        if (roll < 370)
        {
            var type = random.Next(2) == 0 ? CommandType.Deposit : CommandType.Withdraw;
            bool cash = random.Next(2) == 0;
            return new Command
            {
                Type = type, Account = account, Symbol = cash ? default : sym,
                Quantity = cash ? Price.Parse("100") * random.Next(1, 50) : random.Next(1, 50),
            };
        }
        if (roll < 375)
        {
            return new Command { Type = CommandType.KillSwitch, Account = account, Status = random.Next(5) == 0 ? TradingStatus.Halted : TradingStatus.Open };
        }
        if (roll < 380)
        {
            return new Command { Type = CommandType.MassCancel, Account = account };
        }
        if (roll < 390)
        {
            return new Command { Type = CommandType.AdvanceTime };
        }
        if (roll < 393)
        {
            // Resume halted instruments now and then (level 3 halts need an operator).
            return new Command { Type = CommandType.SetStatus, Symbol = sym, Status = TradingStatus.Open };
        }
        if (roll < 396)
        {
            var limit = random.Next(3) switch
            {
                0 => RiskLimit.AccountMaxOpenOrders,
                1 => RiskLimit.AccountCreditLimit,
                _ => RiskLimit.AccountMaxOrderQuantity,
            };
            long value = limit switch
            {
                RiskLimit.AccountMaxOpenOrders => random.Next(0, 2) * random.Next(5, 40),
                RiskLimit.AccountCreditLimit => random.Next(0, 2) * Price.Parse("5000"),
                _ => random.Next(0, 4) == 0 ? 30 : 0,
            };
            return Limit(limit, value, account);
        }
        if (roll < 398)
        {
            return new Command { Type = CommandType.EndOfDay };
        }

        var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
        var orderType = random.Next(10) switch
        {
            0 => OrderType.Market,
            1 => OrderType.Stop,
            2 => OrderType.StopLimit,
            _ => OrderType.Limit,
        };
        var tif = orderType == OrderType.Market ? (random.Next(2) == 0 ? TimeInForce.Ioc : TimeInForce.Fok)
            : random.Next(8) switch { 0 => TimeInForce.Ioc, 1 => TimeInForce.Fok, 2 => TimeInForce.Day, 3 => TimeInForce.Gtd, _ => TimeInForce.Gtc };
        if (orderType == OrderType.Stop && tif is TimeInForce.Ioc or TimeInForce.Fok)
        {
            tif = TimeInForce.Gtc;
        }
        long lot = symbol == "BBB" ? 10 : 1;
        long quantity = random.Next(1, 60) * lot;
        long price = orderType is OrderType.Limit or OrderType.StopLimit ? PriceNear(random, engine, sym) : 0;
        long stop = orderType is OrderType.Stop or OrderType.StopLimit ? PriceNear(random, engine, sym) : 0;
        string clientId = $"o{++nextId}";
        var c = new Command
        {
            Type = CommandType.NewOrder, Account = account, ClientId = ClientOrderId.Parse(clientId), Symbol = sym, Side = side,
            OrderType = orderType, TimeInForce = tif, Price = price, StopPrice = stop, Quantity = quantity,
            DisplayQuantity = orderType == OrderType.Limit && tif is not (TimeInForce.Ioc or TimeInForce.Fok) && random.Next(8) == 0 ? lot : 0,
            ExpireTime = tif == TimeInForce.Gtd ? long.MaxValue / 2 : 0,
            SelfTradePrevention = (SelfTradePrevention)random.Next(0, 5),
        };
        if (tif is not (TimeInForce.Ioc or TimeInForce.Fok))
        {
            live.Add((account, clientId));
            if (live.Count > 400)
            {
                live.RemoveAt(0);
            }
        }
        return c;
    }

    /// <summary>A price around the middle of the current band (sometimes a little outside it).</summary>
    private static long PriceNear(Random random, MatchingEngine engine, Symbol symbol)
    {
        var (lower, upper) = engine.GetPriceBands(symbol);
        long tick = Price.Parse("0.01");
        if (upper == 0)
        {
            lower = Price.Parse(symbol.ToString() == "AAA" ? "95.00" : "1.60");
            upper = Price.Parse(symbol.ToString() == "AAA" ? "105.00" : "2.40");
        }
        long mid = (lower + upper) / 2 / tick * tick;
        long spread = (upper - lower) / tick;
        long offset = (long)(random.NextDouble() * random.NextDouble() * (spread * 0.6)) * (random.Next(2) == 0 ? 1 : -1);
        return Math.Max(tick, mid + offset * tick);
    }

    private static Command Instrument(string symbol, string tick, long lot, string reference, int collar) => new()
    {
        Type = CommandType.AddInstrument, Symbol = Symbol.Parse(symbol), TickSize = Price.Parse(tick), LotSize = lot,
        MinQuantity = lot, MaxQuantity = 1_000_000 * lot, Price = Price.Parse(reference), CollarBasisPoints = collar,
    };

    private static Command Limit(RiskLimit limit, long value, long account, string? symbol = null) => new()
    {
        Type = CommandType.SetLimit, Limit = limit, Quantity = value, Account = account,
        Symbol = symbol is null ? default : Symbol.Parse(symbol),
    };
}
