using Exchange.Core.Commands;
using Exchange.Core.Domain;

namespace Exchange.Core.Tests.Matching;

/// <summary>A repeating block of commands using every order type, TIF and feature, that ends with the book
/// empty again (mass cancels), so running it many times is a steady state.</summary>
internal static class SteadyWorkload
{
    public static Command[] Instruments() =>
    [
        new Command
        {
            Type = CommandType.AddInstrument, Symbol = Symbol.Parse("AAPL"), TickSize = Price.Parse("0.01"), LotSize = 1,
            MinQuantity = 1, MaxQuantity = 1_000_000, Price = Price.Parse("100.00"), CollarBasisPoints = 500,
        },
    ];

    /// <summary>Risk on, accounts 1-4 funded (cash, positions, short-sell room) and charged fees.</summary>
    public static Command[] RiskSetup()
    {
        var c = new List<Command> { new() { Type = CommandType.EnableRisk } };
        for (long account = 1; account <= 4; account++)
        {
            c.Add(new Command { Type = CommandType.Deposit, Account = account, Quantity = Price.Parse("100000000") });
            c.Add(new Command { Type = CommandType.Deposit, Account = account, Symbol = Symbol.Parse("AAPL"), Quantity = 1_000_000 });
            c.Add(new Command { Type = CommandType.SetLimit, Account = account, Limit = RiskLimit.AccountShortSellLimit, Quantity = 1_000_000 });
            c.Add(new Command { Type = CommandType.SetLimit, Account = account, Limit = RiskLimit.AccountTakerFeeBps, Quantity = 5 });
            c.Add(new Command { Type = CommandType.SetLimit, Account = account, Limit = RiskLimit.AccountMakerFeeBps, Quantity = 1 });
        }
        return c.ToArray();
    }

    /// <summary>A command of a block moved <paramref name="offset"/> ns later (its time and any expiry): to run the
    /// same block again and again with time moving forward.</summary>
    public static Command Shifted(in Command command, long offset)
    {
        var c = command;
        c.Timestamp += offset;
        if (c.ExpireTime != 0)
        {
            c.ExpireTime += offset;
        }
        return c;
    }

    /// <summary>One block; <paramref name="time"/> is the engine time of its first command (ns).</summary>
    public static Command[] Block(long time)
    {
        var c = new List<Command>();
        long t = time;
        void Add(Command command)
        {
            command.Timestamp = t++;
            c.Add(command);
        }
        Command Order(long account, string id, Side side, string? price, long qty, OrderType type = OrderType.Limit,
            TimeInForce tif = TimeInForce.Gtc, string? stop = null, long display = 0, bool postOnly = false,
            SelfTradePrevention stp = SelfTradePrevention.None, string? oco = null, long expire = 0) =>
            EngineDriver.Order(account, id, side, price, qty, type, tif, stop, display, postOnly, stp, expire, oco);

        for (int k = 0; k < 5; k++)
        {
            Add(Order(1, $"s{k}", Side.Sell, $"100.0{k + 1}", 10));
            Add(Order(2, $"b{k}", Side.Buy, $"99.9{9 - k}", 10));
        }
        Add(Order(3, "ice", Side.Sell, "100.02", 50, display: 10));
        Add(Order(3, "day", Side.Buy, "99.90", 5, tif: TimeInForce.Day));
        Add(Order(3, "gtd", Side.Buy, "99.91", 5, tif: TimeInForce.Gtd, expire: t + 3));
        Add(Order(4, "post", Side.Buy, "99.95", 5, postOnly: true));
        Add(Order(4, "stop", Side.Buy, null, 5, OrderType.Stop, stop: "100.02"));
        Add(Order(4, "stop-oco", Side.Buy, "99.80", 5, oco: "stop"));
        Add(Order(4, "stoplimit", Side.Sell, "99.90", 5, OrderType.StopLimit, stop: "99.97"));
        Add(Order(1, "ioc", Side.Buy, "100.02", 25, tif: TimeInForce.Ioc, stp: SelfTradePrevention.CancelOldest));
        Add(Order(4, "mkt", Side.Sell, null, 12, OrderType.Market, TimeInForce.Ioc));
        Add(Order(2, "fok", Side.Buy, "100.05", 15, tif: TimeInForce.Fok, stp: SelfTradePrevention.Decrement));
        Add(new Command { Type = CommandType.Replace, Account = 2, OrigClientId = ClientOrderId.Parse("b4"), ClientId = ClientOrderId.Parse("b4r"), Price = Price.Parse("99.96"), Quantity = 8 });
        Add(new Command { Type = CommandType.Replace, Account = 2, OrigClientId = ClientOrderId.Parse("b3"), ClientId = ClientOrderId.Parse("b3"), Price = Price.Parse("99.96"), Quantity = 5 });
        Add(new Command { Type = CommandType.Cancel, Account = 1, OrigClientId = ClientOrderId.Parse("s4") });
        Add(new Command { Type = CommandType.Cancel, Account = 1, OrigClientId = ClientOrderId.Parse("nope") });
        Add(Order(1, "s0", Side.Sell, "100.00", 1)); // maybe a duplicate
        Add(new Command { Type = CommandType.AdvanceTime });
        Add(new Command { Type = CommandType.EndOfDay, Symbol = Symbol.Parse("AAPL") });
        for (long account = 1; account <= 4; account++)
        {
            Add(new Command { Type = CommandType.MassCancel, Account = account });
        }
        Add(new Command { Type = CommandType.MassCancel, Symbol = Symbol.Parse("AAPL") });
        return c.ToArray();
    }
}
