using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Exchange.Core.Domain;
using Exchange.Core.Events;

namespace Exchange.Server.Script;

/// <summary>Writes engine events as the console's JSON lines (format in docs/engine-console.md): a fixed key
/// order per event type and only the keys that type uses, so equal events give byte-identical text.
/// Not thread-safe (one reusable buffer).</summary>
internal sealed class EventJsonWriter
{
    // Relaxed escaping keeps ids like "a+1" readable; the output is a data stream, never embedded in HTML.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly AccountDirectory _accounts;
    private readonly ArrayBufferWriter<byte> _buffer = new(512);
    private readonly Utf8JsonWriter _json;

    public EventJsonWriter(AccountDirectory accounts)
    {
        _accounts = accounts;
        _json = new Utf8JsonWriter(_buffer, Options);
    }

    /// <summary>One event as a JSON line (without the line break). Prices get at least
    /// <paramref name="priceDecimals"/> decimals (the instrument's tick decimals).</summary>
    public string Format(in EngineEvent e, int priceDecimals)
    {
        Begin();
        _json.WriteNumber("seq", e.Sequence);
        switch (e.Type)
        {
            case EventType.InstrumentAdded:
                _json.WriteString("event", "instrument");
                Symbol(e.Symbol);
                OptionalPrice("refPrice", e.Price, priceDecimals);
                break;
            case EventType.Accepted:
                _json.WriteString("event", "accepted");
                Order(e);
                _json.WriteString("type", ScriptNames.Of(e.OrderType));
                OptionalPrice("price", e.Price, priceDecimals);
                OptionalPrice("stopPrice", e.StopPrice, priceDecimals);
                _json.WriteNumber("qty", e.Quantity);
                Display(e.DisplayQuantity);
                _json.WriteString("tif", ScriptNames.Of(e.TimeInForce));
                ClientId("oco", e.OrigClientId);
                break;
            case EventType.Rejected:
                _json.WriteString("event", "rejected");
                Order(e);
                ClientId("origClientId", e.OrigClientId);
                _json.WriteString("reason", ScriptNames.Of(e.RejectReason));
                break;
            case EventType.Trade:
                Trade(e, priceDecimals);
                break;
            case EventType.Cancelled:
                _json.WriteString("event", "cancelled");
                Order(e);
                _json.WriteNumber("qty", e.Quantity);
                _json.WriteString("reason", ScriptNames.Of(e.CancelReason));
                break;
            case EventType.Replaced:
                _json.WriteString("event", "replaced");
                Order(e);
                ClientId("origClientId", e.OrigClientId);
                OptionalPrice("price", e.Price, priceDecimals);
                OptionalPrice("stopPrice", e.StopPrice, priceDecimals);
                _json.WriteNumber("qty", e.Quantity);
                _json.WriteNumber("leaves", e.LeavesQuantity);
                Display(e.DisplayQuantity);
                _json.WriteBoolean("priorityKept", e.PriorityKept);
                break;
            case EventType.Expired:
                _json.WriteString("event", "expired");
                Order(e);
                _json.WriteNumber("qty", e.Quantity);
                _json.WriteString("reason", ScriptNames.Of(e.CancelReason));
                break;
            case EventType.Triggered:
                _json.WriteString("event", "triggered");
                Order(e);
                _json.WriteString("type", ScriptNames.Of(e.OrderType));
                OptionalPrice("price", e.Price, priceDecimals);
                OptionalPrice("stopPrice", e.StopPrice, priceDecimals);
                break;
            case EventType.Replenished:
                _json.WriteString("event", "replenished");
                Order(e);
                _json.WriteNumber("display", e.DisplayQuantity);
                _json.WriteNumber("leaves", e.LeavesQuantity);
                break;
            case EventType.Reduced:
                _json.WriteString("event", "reduced");
                Order(e);
                _json.WriteNumber("qty", e.Quantity);
                _json.WriteNumber("leaves", e.LeavesQuantity);
                break;
            case EventType.StatusChanged:
                _json.WriteString("event", "statusChanged");
                Symbol(e.Symbol);
                _json.WriteString("status", ScriptNames.Of(e.Status));
                if (e.Alert is not (AlertKind.None or AlertKind.Operator))
                {
                    _json.WriteString("cause", ScriptNames.Of(e.Alert));
                }
                break;
            case EventType.Alert:
                Alert(in e, priceDecimals);
                break;
            case EventType.BalanceChanged:
                _json.WriteString("event", "balance");
                Account("account", e.Account);
                if (e.Symbol.IsEmpty)
                {
                    _json.WriteString("currency", e.Currency.ToString());
                    Price("change", e.Quantity, 2);
                    Price("balance", e.LeavesQuantity, 2);
                }
                else
                {
                    Symbol(e.Symbol);
                    _json.WriteNumber("change", e.Quantity);
                    _json.WriteNumber("balance", e.LeavesQuantity);
                }
                break;
            case EventType.LimitChanged:
                _json.WriteString("event", "limit");
                Account("account", e.Account);
                Symbol(e.Symbol);
                _json.WriteString("limit", ScriptNames.Of(e.Limit));
                if (e.Limit is RiskLimit.AccountMaxOrderNotional or RiskLimit.AccountCreditLimit or RiskLimit.InstrumentMaxOrderNotional)
                {
                    Price("value", e.Quantity, 2);
                }
                else
                {
                    _json.WriteNumber("value", e.Quantity);
                }
                break;
            case EventType.RiskEnabled:
                _json.WriteString("event", "riskEnabled");
                break;
            case EventType.MassCancelled:
                _json.WriteString("event", "massCancelled");
                Account("account", e.Account);
                Symbol(e.Symbol);
                _json.WriteNumber("count", e.Quantity);
                break;
            default:
                // An event type this console does not know yet is still shown, by number.
                _json.WriteNumber("event", (int)e.Type);
                break;
        }
        return End();
    }

    /// <summary>The line for an input line that never reached the engine (it has no sequence number).</summary>
    public string FormatError(long line, string message)
    {
        Begin();
        _json.WriteString("event", "error");
        _json.WriteNumber("line", line);
        _json.WriteString("message", message);
        return End();
    }

    private void Alert(in EngineEvent e, int priceDecimals)
    {
        _json.WriteString("event", "alert");
        _json.WriteString("alert", ScriptNames.Of(e.Alert));
        Account("account", e.Account);
        Symbol(e.Symbol);
        switch (e.Alert)
        {
            case AlertKind.LimitStateEntered or AlertKind.LimitStateExited:
                Price("lower", e.Price, priceDecimals);
                Price("upper", e.StopPrice, priceDecimals);
                break;
            case AlertKind.MoveLevel1:
                Price("from", e.Price, priceDecimals);
                break;
            case AlertKind.KillSwitch:
                _json.WriteBoolean("on", e.Status == TradingStatus.Halted);
                _json.WriteNumber("cancelled", e.Quantity);
                break;
            case AlertKind.Imbalance:
                _json.WriteString("side", ScriptNames.Of(e.Side));
                _json.WriteNumber("qty", e.Quantity);
                break;
            case AlertKind.VolumeSpike:
                _json.WriteNumber("qty", e.Quantity);
                break;
        }
    }

    private void Trade(in EngineEvent e, int priceDecimals)
    {
        _json.WriteString("event", "trade");
        _json.WriteNumber("tradeId", e.TradeId);
        Symbol(e.Symbol);
        Price("price", e.Price, priceDecimals);
        _json.WriteNumber("qty", e.Quantity);
        _json.WriteString("side", ScriptNames.Of(e.Side));
        Account("account", e.Account);
        ClientId("clientId", e.ClientId);
        _json.WriteNumber("orderId", e.OrderId);
        _json.WriteNumber("leaves", e.LeavesQuantity);
        _json.WriteStartObject("maker");
        Account("account", e.MakerAccount);
        ClientId("clientId", e.MakerClientId);
        _json.WriteNumber("orderId", e.MakerOrderId);
        _json.WriteNumber("leaves", e.MakerLeavesQuantity);
        _json.WriteEndObject();
    }

    // The order an event is about, as far as the event names it: id, owner, client id, symbol, side.
    private void Order(in EngineEvent e)
    {
        if (e.OrderId != 0)
        {
            _json.WriteNumber("orderId", e.OrderId);
        }
        Account("account", e.Account);
        ClientId("clientId", e.ClientId);
        Symbol(e.Symbol);
        if (e.Side != default)
        {
            _json.WriteString("side", ScriptNames.Of(e.Side));
        }
    }

    private void Account(string key, long account)
    {
        if (account != 0)
        {
            _json.WriteString(key, _accounts.NameOf(account));
        }
    }

    private void ClientId(string key, ClientOrderId id)
    {
        if (!id.IsEmpty)
        {
            _json.WriteString(key, id.ToString());
        }
    }

    private void Symbol(Symbol symbol)
    {
        if (!symbol.IsEmpty)
        {
            _json.WriteString("symbol", symbol.ToString());
        }
    }

    // Accepted and Replaced carry the display instruction: 0 (all visible) is left out, so only icebergs show it.
    private void Display(long display)
    {
        if (display > 0)
        {
            _json.WriteNumber("display", display);
        }
    }

    private void OptionalPrice(string key, long price, int decimals)
    {
        if (price != 0)
        {
            Price(key, price, decimals);
        }
    }

    private void Price(string key, long price, int decimals)
    {
        Span<char> text = stackalloc char[48];
        Exchange.Core.Domain.Price.TryFormat(price, text, out int written, decimals);
        _json.WriteString(key, text[..written]);
    }

    private void Begin()
    {
        _buffer.ResetWrittenCount();
        _json.Reset();
        _json.WriteStartObject();
    }

    private string End()
    {
        _json.WriteEndObject();
        _json.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }
}
