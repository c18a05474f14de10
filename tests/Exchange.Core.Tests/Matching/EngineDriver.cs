using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Events;
using Exchange.Core.Matching;
using SymbolId = Exchange.Core.Domain.Symbol;

namespace Exchange.Core.Tests.Matching;

/// <summary>Drives a <see cref="MatchingEngine"/> with terse calls and describes its events as short strings,
/// so a test reads as the conversation it checks.</summary>
internal sealed class EngineDriver
{
    public const string Symbol = "AAPL";

    public EngineDriver(bool withInstrument = true)
    {
        if (withInstrument)
        {
            Instrument(Symbol);
        }
    }

    public MatchingEngine Engine { get; } = new(new EngineOptions { OrderCapacity = 1024, LevelCapacity = 256 });

    /// <summary>Engine time given to the next command.</summary>
    public long Time { get; set; } = 1_000;

    public List<EngineEvent> Events { get; private set; } = [];

    public List<EngineEvent> Send(Command command)
    {
        command.Timestamp = Time;
        Events = Engine.Process(in command).ToArray().ToList();
        return Events;
    }

    public List<string> Instrument(string symbol, string tick = "0.01", long lot = 1, long min = 1, long max = 1_000_000,
        string? reference = null, int collarBps = 0) =>
        Describe(Send(new Command
        {
            Type = CommandType.AddInstrument,
            Symbol = SymbolId.Parse(symbol),
            TickSize = Price.Parse(tick),
            LotSize = lot,
            MinQuantity = min,
            MaxQuantity = max,
            Price = reference is null ? 0 : Price.Parse(reference),
            CollarBasisPoints = collarBps,
        }));

    public static Command Order(long account, string clientId, Side side, string? price, long qty,
        OrderType type = OrderType.Limit, TimeInForce tif = TimeInForce.Gtc, string? stop = null, long display = 0,
        bool postOnly = false, SelfTradePrevention stp = SelfTradePrevention.None, long expire = 0, string? oco = null,
        string symbol = Symbol, long session = 0) => new()
        {
            Type = CommandType.NewOrder,
            Account = account,
            ClientId = ClientOrderId.Parse(clientId),
            Symbol = SymbolId.Parse(symbol),
            Side = side,
            OrderType = type,
            TimeInForce = tif,
            Price = price is null ? 0 : Price.Parse(price),
            StopPrice = stop is null ? 0 : Price.Parse(stop),
            Quantity = qty,
            DisplayQuantity = display,
            Flags = postOnly ? OrderFlags.PostOnly : OrderFlags.None,
            SelfTradePrevention = stp,
            ExpireTime = expire,
            OrigClientId = oco is null ? default : ClientOrderId.Parse(oco),
            EntrySession = session,
        };

    public List<string> New(Command order) => Describe(Send(order));

    public List<string> Buy(long account, string clientId, string price, long qty, TimeInForce tif = TimeInForce.Gtc,
        SelfTradePrevention stp = SelfTradePrevention.None, string symbol = Symbol) =>
        New(Order(account, clientId, Side.Buy, price, qty, tif: tif, stp: stp, symbol: symbol));

    public List<string> Sell(long account, string clientId, string price, long qty, TimeInForce tif = TimeInForce.Gtc,
        SelfTradePrevention stp = SelfTradePrevention.None, string symbol = Symbol) =>
        New(Order(account, clientId, Side.Sell, price, qty, tif: tif, stp: stp, symbol: symbol));

    public List<string> Market(long account, string clientId, Side side, long qty, TimeInForce tif = TimeInForce.Ioc,
        SelfTradePrevention stp = SelfTradePrevention.None) =>
        New(Order(account, clientId, side, null, qty, type: OrderType.Market, tif: tif, stp: stp));

    public List<string> Cancel(long account, string clientId) => Describe(Send(new Command
    {
        Type = CommandType.Cancel,
        Account = account,
        OrigClientId = ClientOrderId.Parse(clientId),
    }));

    public List<string> Replace(long account, string origClientId, string newClientId, string? price, long qty, string? stop = null) =>
        Describe(Send(new Command
        {
            Type = CommandType.Replace,
            Account = account,
            OrigClientId = ClientOrderId.Parse(origClientId),
            ClientId = ClientOrderId.Parse(newClientId),
            Price = price is null ? 0 : Price.Parse(price),
            StopPrice = stop is null ? 0 : Price.Parse(stop),
            Quantity = qty,
        }));

    public List<string> MassCancel(long account, string? symbol, long session = 0) => Describe(Send(new Command
    {
        Type = CommandType.MassCancel,
        Account = account,
        Symbol = symbol is null ? default : SymbolId.Parse(symbol),
        EntrySession = session,
    }));

    public List<string> Status(TradingStatus status, string symbol = Symbol) => Describe(Send(new Command
    {
        Type = CommandType.SetStatus,
        Symbol = SymbolId.Parse(symbol),
        Status = status,
    }));

    public List<string> EndOfDay(string? symbol = null) => Describe(Send(new Command
    {
        Type = CommandType.EndOfDay,
        Symbol = symbol is null ? default : SymbolId.Parse(symbol),
    }));

    public List<string> AdvanceTo(long time)
    {
        Time = time;
        return Describe(Send(new Command { Type = CommandType.AdvanceTime }));
    }

    public List<string> EnableRisk() => Describe(Send(new Command { Type = CommandType.EnableRisk }));

    /// <summary>Cash deposit (<paramref name="amount"/> as a decimal) or, with <paramref name="symbol"/>, a position of
    /// <paramref name="amount"/> units.</summary>
    public List<string> Deposit(long account, string amount, string currency = "USD", string? symbol = null) =>
        Describe(Send(Transfer(CommandType.Deposit, account, amount, currency, symbol)));

    public List<string> Withdraw(long account, string amount, string currency = "USD", string? symbol = null) =>
        Describe(Send(Transfer(CommandType.Withdraw, account, amount, currency, symbol)));

    private static Command Transfer(CommandType type, long account, string amount, string currency, string? symbol) => new()
    {
        Type = type,
        Account = account,
        Currency = Currency.Parse(currency),
        Symbol = symbol is null ? default : SymbolId.Parse(symbol),
        Quantity = symbol is null ? Price.Parse(amount) : long.Parse(amount),
    };

    public List<string> Limit(RiskLimit limit, long value, long account = 0, string? symbol = null) => Describe(Send(new Command
    {
        Type = CommandType.SetLimit,
        Limit = limit,
        Quantity = value,
        Account = account,
        Symbol = symbol is null ? default : SymbolId.Parse(symbol),
    }));

    public List<string> Kill(long account, bool on = true) => Describe(Send(new Command
    {
        Type = CommandType.KillSwitch,
        Account = account,
        Status = on ? TradingStatus.Halted : TradingStatus.Open,
    }));

    /// <summary>Cash balance and held amount as decimals, e.g. "990.00/10.00".</summary>
    public string Cash(long account, string currency = "USD")
    {
        var (balance, held) = Engine.GetCash(account, Currency.Parse(currency));
        return $"{Price.Format(balance, 2)}/{Price.Format(held, 2)}";
    }

    public string Position(long account, string symbol = Symbol)
    {
        var (quantity, held) = Engine.GetPosition(account, SymbolId.Parse(symbol));
        return $"{quantity}/{held}";
    }

    public BookSnapshot Book(string symbol = Symbol) => Engine.GetBookSnapshot(SymbolId.Parse(symbol));

    /// <summary>Bids then asks as "price:visible(+hidden)#id" strings in priority order.</summary>
    public string Depth(string symbol = Symbol)
    {
        var book = Book(symbol);
        static string Line(IEnumerable<RestingOrder> orders) => string.Join(" ", orders.Select(o =>
            $"{Price.Format(o.Price, 2)}:{o.VisibleQuantity}{(o.HiddenQuantity > 0 ? $"+{o.HiddenQuantity}" : "")}#{o.OrderId}"));
        return $"bids [{Line(book.Bids)}] asks [{Line(book.Asks)}]";
    }

    public static List<string> Describe(IEnumerable<EngineEvent> events) => events.Select(Describe).ToList();

    public static string Describe(EngineEvent e)
    {
        string P(long p) => Price.Format(p, 2);
        return e.Type switch
        {
            EventType.InstrumentAdded => $"instrument {e.Symbol}",
            EventType.Accepted => $"accepted #{e.OrderId}",
            EventType.Rejected => $"rejected {e.RejectReason}",
            EventType.Trade => $"trade {P(e.Price)} x{e.Quantity} #{e.OrderId}<-#{e.MakerOrderId}",
            EventType.Cancelled => $"cancelled #{e.OrderId} {e.CancelReason} {e.Quantity}",
            EventType.Expired => $"expired #{e.OrderId} {e.CancelReason} {e.Quantity}",
            EventType.Replaced => $"replaced #{e.OrderId} {(e.PriorityKept ? "kept" : "lost")}",
            EventType.Triggered => $"triggered #{e.OrderId}",
            EventType.Replenished => $"replenished #{e.OrderId} {e.DisplayQuantity}",
            EventType.Reduced => $"reduced #{e.OrderId} {e.Quantity}",
            EventType.StatusChanged => $"status {e.Status}",
            EventType.MassCancelled => $"massCancelled {e.Quantity}",
            EventType.Alert => $"alert {e.Alert}",
            EventType.BalanceChanged => $"balance {e.Quantity}",
            EventType.LimitChanged => $"limit {e.Limit} {e.Quantity}",
            EventType.RiskEnabled => "risk on",
            _ => e.Type.ToString(),
        };
    }
}
