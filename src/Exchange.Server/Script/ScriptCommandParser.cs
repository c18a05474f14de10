using System.Text;
using Exchange.Core.Commands;
using Exchange.Core.Domain;

namespace Exchange.Server.Script;

/// <summary>Turns one console input line (a JSON object, format in docs/engine-console.md) into an engine
/// <see cref="Command"/>. It checks only what a <see cref="Command"/> cannot represent (JSON, field names and
/// types, enum names, symbol and client id text, prices beyond eight decimals); every rule of the exchange,
/// such as a zero quantity or a price off tick, is left to the engine so the console shows its answer.
/// Keeps no order state, only the account names it has mapped to ids.</summary>
internal sealed class ScriptCommandParser
{
    private const long DefaultMaxQuantity = 1_000_000_000;

    private static readonly string[] InstrumentFields = ["cmd", "time", "symbol", "tick", "lot", "minQty", "maxQty", "refPrice", "collarBps"];
    private static readonly string[] NewOrderFields = ["cmd", "time", "account", "clientId", "symbol", "side", "type", "price", "stopPrice",
        "qty", "tif", "display", "postOnly", "stp", "expireTime", "oco", "session"];
    private static readonly string[] CancelFields = ["cmd", "time", "account", "clientId"];
    private static readonly string[] ReplaceFields = ["cmd", "time", "account", "origClientId", "clientId", "price", "stopPrice", "qty"];
    private static readonly string[] MassCancelFields = ["cmd", "time", "account", "symbol", "session"];
    private static readonly string[] StatusFields = ["cmd", "time", "symbol", "status"];
    private static readonly string[] EndOfDayFields = ["cmd", "time", "symbol"];
    private static readonly string[] TimeFields = ["cmd", "time"];
    private static readonly string[] TransferFields = ["cmd", "time", "account", "amount", "currency", "symbol", "qty"];
    private static readonly string[] LimitFields = ["cmd", "time", "account", "symbol", "limit", "value"];
    private static readonly string[] KillFields = ["cmd", "time", "account", "on"];

    private readonly AccountDirectory _accounts;

    public ScriptCommandParser(AccountDirectory accounts)
    {
        _accounts = accounts;
    }

    /// <summary>Parses <paramref name="line"/>. A command without a <c>time</c> field gets <paramref name="previousTime"/>.
    /// On failure <paramref name="error"/> says why and no account name is registered.</summary>
    public bool TryParse(string line, long previousTime, out Command command, out string error)
    {
        try
        {
            command = Parse(ScriptFields.Read(Encoding.UTF8.GetBytes(line)), previousTime);
            error = "";
            return true;
        }
        catch (ScriptLineException e)
        {
            command = default;
            error = e.Message;
            return false;
        }
    }

    private Command Parse(ScriptFields fields, long previousTime)
    {
        string cmd = fields.RequiredString("cmd");
        // The account name is registered only at the end, after every check, so a bad line allocates no id.
        (Command command, string? account) = cmd switch
        {
            "instrument" => (Instrument(Check(fields, cmd, InstrumentFields)), null),
            "new" => NewOrder(Check(fields, cmd, NewOrderFields)),
            "cancel" => Cancel(Check(fields, cmd, CancelFields)),
            "replace" => Replace(Check(fields, cmd, ReplaceFields)),
            "massCancel" => MassCancel(Check(fields, cmd, MassCancelFields)),
            "status" => (Status(Check(fields, cmd, StatusFields)), null),
            "endOfDay" => (EndOfDay(Check(fields, cmd, EndOfDayFields)), null),
            "time" => (AdvanceTime(Check(fields, cmd, TimeFields)), null),
            "enableRisk" => (EnableRisk(Check(fields, cmd, TimeFields)), null),
            "deposit" => Transfer(Check(fields, cmd, TransferFields), CommandType.Deposit),
            "withdraw" => Transfer(Check(fields, cmd, TransferFields), CommandType.Withdraw),
            "limit" => Limit(Check(fields, cmd, LimitFields)),
            "kill" => Kill(Check(fields, cmd, KillFields)),
            _ => throw new ScriptLineException("unknown cmd '" + cmd + "' (expected instrument, new, cancel, replace, massCancel, status, " +
                "endOfDay, time, enableRisk, deposit, withdraw, limit or kill)"),
        };
        // An earlier time than the previous one is passed on as given: the engine keeps its time from going back.
        command.Timestamp = fields.Time("time") ?? previousTime;
        if (account is not null)
        {
            command.Account = _accounts.IdOf(account);
        }
        return command;
    }

    private static Command Instrument(ScriptFields f)
    {
        long lot = f.RequiredInteger("lot");
        return new Command
        {
            Type = CommandType.AddInstrument,
            Symbol = SymbolOf(f.RequiredString("symbol")),
            TickSize = f.Price("tick") ?? throw Missing("tick"),
            LotSize = lot,
            MinQuantity = f.Integer("minQty") ?? lot,
            // The largest multiple of the lot within a billion (the lot itself if that is larger).
            MaxQuantity = f.Integer("maxQty") ?? (lot > 0 ? Math.Max(lot, DefaultMaxQuantity / lot * lot) : DefaultMaxQuantity),
            Price = f.Price("refPrice") ?? 0,
            CollarBasisPoints = f.Integer("collarBps") is { } bps
                ? bps is >= int.MinValue and <= int.MaxValue ? (int)bps : throw new ScriptLineException("field 'collarBps' is out of range")
                : 0,
        };
    }

    private static (Command, string) NewOrder(ScriptFields f)
    {
        string account = Account(f, "account");
        var command = new Command
        {
            Type = CommandType.NewOrder,
            ClientId = ClientIdOf(f, "clientId"),
            Symbol = SymbolOf(f.RequiredString("symbol")),
            Side = Named<Side>(f, "side", ScriptNames.TryParse, "buy or sell") ?? throw Missing("side"),
            OrderType = Named<OrderType>(f, "type", ScriptNames.TryParse, "limit, market, stop or stopLimit") ?? throw Missing("type"),
            Price = f.Price("price") ?? 0,
            StopPrice = f.Price("stopPrice") ?? 0,
            Quantity = f.RequiredInteger("qty"),
            DisplayQuantity = f.Integer("display") ?? 0,
            Flags = f.Boolean("postOnly") == true ? OrderFlags.PostOnly : OrderFlags.None,
            SelfTradePrevention = Named<SelfTradePrevention>(f, "stp", ScriptNames.TryParse,
                "none, cancelNewest, cancelOldest, cancelBoth or decrement") ?? SelfTradePrevention.None,
            ExpireTime = f.Time("expireTime") ?? 0,
            OrigClientId = f.Has("oco") ? ClientIdOf(f, "oco") : default,
            EntrySession = f.Integer("session") ?? 0,
        };
        // A market order can only be immediate, so leaving the TIF out means IOC for it (GTC for the rest).
        command.TimeInForce = Named<TimeInForce>(f, "tif", ScriptNames.TryParse, "gtc, ioc, fok, day or gtd")
            ?? (command.OrderType == OrderType.Market ? TimeInForce.Ioc : TimeInForce.Gtc);
        return (command, account);
    }

    private static (Command, string) Cancel(ScriptFields f)
    {
        string account = Account(f, "account");
        return (new Command { Type = CommandType.Cancel, OrigClientId = ClientIdOf(f, "clientId") }, account);
    }

    private static (Command, string) Replace(ScriptFields f)
    {
        string account = Account(f, "account");
        var orig = ClientIdOf(f, "origClientId");
        // Without order state the console cannot tell a limit from a stop order: it needs whichever prices the
        // order has and sends 0 for one left out (the engine rejects a missing price it needs).
        if (!f.Has("price") && !f.Has("stopPrice"))
        {
            throw new ScriptLineException("missing field 'price' (or 'stopPrice' for a stop order)");
        }
        return (new Command
        {
            Type = CommandType.Replace,
            OrigClientId = orig,
            ClientId = f.Has("clientId") ? ClientIdOf(f, "clientId") : orig,
            Price = f.Price("price") ?? 0,
            StopPrice = f.Price("stopPrice") ?? 0,
            Quantity = f.RequiredInteger("qty"),
        }, account);
    }

    private static (Command, string?) MassCancel(ScriptFields f)
    {
        // Neither account nor symbol is passed on: the engine answers it with invalidOrder.
        string? account = f.Has("account") ? Account(f, "account") : null;
        return (new Command
        {
            Type = CommandType.MassCancel,
            Symbol = f.String("symbol") is { } symbol ? SymbolOf(symbol) : default,
            EntrySession = f.Integer("session") ?? 0,
        }, account);
    }

    private static Command Status(ScriptFields f) => new()
    {
        Type = CommandType.SetStatus,
        // No symbol: every instrument (a market-wide halt or resume).
        Symbol = f.String("symbol") is { } symbol ? SymbolOf(symbol) : default,
        Status = Named<TradingStatus>(f, "status", ScriptNames.TryParse, "open, halted or closed") ?? throw Missing("status"),
    };

    private static Command EndOfDay(ScriptFields f) => new()
    {
        Type = CommandType.EndOfDay,
        Symbol = f.String("symbol") is { } symbol ? SymbolOf(symbol) : default,
    };

    private static Command AdvanceTime(ScriptFields f) =>
        f.Has("time") ? new Command { Type = CommandType.AdvanceTime } : throw Missing("time");

    private static Command EnableRisk(ScriptFields _) => new() { Type = CommandType.EnableRisk };

    /// <summary>Deposit or withdrawal: cash ("amount" as a decimal, "currency" default USD) or a position ("symbol" and "qty").</summary>
    private static (Command, string) Transfer(ScriptFields f, CommandType type)
    {
        string account = Account(f, "account");
        var command = new Command { Type = type };
        if (f.String("symbol") is { } symbol)
        {
            command.Symbol = SymbolOf(symbol);
            command.Quantity = f.RequiredInteger("qty");
        }
        else
        {
            command.Quantity = f.Price("amount") ?? throw Missing("amount");
            string currency = f.String("currency") ?? "USD";
            command.Currency = Currency.TryParse(currency, out var c)
                ? c
                : throw new ScriptLineException($"invalid currency '{currency}' (1 to {Currency.MaxLength} printable ASCII characters)");
        }
        return (command, account);
    }

    /// <summary>A limit of an account ("account") or of an instrument ("symbol"); cash limits take a decimal value.</summary>
    private static (Command, string?) Limit(ScriptFields f)
    {
        string? account = f.Has("account") ? Account(f, "account") : null;
        string name = f.RequiredString("limit");
        if (!ScriptNames.TryParse(name, account is not null, out RiskLimit limit))
        {
            throw new ScriptLineException($"unknown {(account is not null ? "account" : "instrument")} limit '{name}'");
        }
        bool cash = limit is RiskLimit.AccountMaxOrderNotional or RiskLimit.AccountCreditLimit or RiskLimit.InstrumentMaxOrderNotional;
        return (new Command
        {
            Type = CommandType.SetLimit,
            Limit = limit,
            Symbol = f.String("symbol") is { } symbol ? SymbolOf(symbol) : default,
            Quantity = (cash ? f.Price("value") : f.Integer("value")) ?? throw Missing("value"),
        }, account);
    }

    private static (Command, string) Kill(ScriptFields f) => (new Command
    {
        Type = CommandType.KillSwitch,
        Status = f.Boolean("on") == false ? TradingStatus.Open : TradingStatus.Halted,
    }, Account(f, "account"));

    private static ScriptFields Check(ScriptFields fields, string cmd, string[] allowed)
    {
        foreach (string name in fields.Names)
        {
            if (Array.IndexOf(allowed, name) < 0)
            {
                throw new ScriptLineException($"field '{name}' does not belong to cmd '{cmd}'");
            }
        }
        return fields;
    }

    private static string Account(ScriptFields f, string name)
    {
        string account = f.RequiredString(name);
        return account.Length > 0 ? account : throw new ScriptLineException($"field '{name}' is empty");
    }

    private static Symbol SymbolOf(string text) =>
        Symbol.TryParse(text, out var symbol)
            ? symbol
            : throw new ScriptLineException($"invalid symbol '{text}' (1 to {Symbol.MaxLength} printable ASCII characters, no spaces)");

    private static ClientOrderId ClientIdOf(ScriptFields f, string name)
    {
        string text = f.RequiredString(name);
        return ClientOrderId.TryParse(text, out var id)
            ? id
            : throw new ScriptLineException($"invalid {name} '{text}' (1 to {ClientOrderId.MaxLength} printable ASCII characters, no spaces)");
    }

    /// <summary>An enum field written by name (see <see cref="ScriptNames"/>); null if absent.</summary>
    private static T? Named<T>(ScriptFields f, string name, TryParseName<T> parse, string expected) where T : struct =>
        f.String(name) is { } text
            ? parse(text, out T value) ? value : throw new ScriptLineException($"field '{name}' must be {expected}")
            : null;

    private static ScriptLineException Missing(string name) => new($"missing field '{name}'");

    private delegate bool TryParseName<T>(string text, out T value);
}
