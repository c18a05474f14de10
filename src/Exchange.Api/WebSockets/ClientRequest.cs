using System.Text.Json;
using Exchange.Api.Messages;
using Exchange.MarketData.Views;

namespace Exchange.Api.WebSockets;

/// <summary>A client message: <c>{"op":"subscribe","channel":"l2","symbol":"AAPL","format":"protobuf","depth":10}</c>;
/// op is subscribe, unsubscribe, login or ping; format (json or protobuf) and depth (l2 only, 0 = full) are optional.
/// Channel <c>orders</c> is the private channel (<see cref="Orders"/>, no symbol); login carries account and password.</summary>
internal sealed record ClientRequest(string Op, Channel Channel, string Symbol, MessageFormat Format, int Depth)
{
    /// <summary>subscribe/unsubscribe of the private <c>orders</c> channel.</summary>
    public bool Orders { get; init; }

    /// <summary>login: account name and password.</summary>
    public string Account { get; init; } = "";

    public string Password { get; init; } = "";

    public const int MaxDepth = 1000;

    public static ClientRequest Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("expected a JSON object");
        }
        string op = root.TryGetProperty("op", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString()! : "";
        if (op == "ping")
        {
            return new ClientRequest(op, default, "", MessageFormat.Json, 0);
        }
        if (op == "login")
        {
            return new ClientRequest(op, default, "", MessageFormat.Json, 0)
            {
                Account = root.TryGetProperty("account", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString()! : "",
                Password = root.TryGetProperty("password", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "",
            };
        }
        bool orders = false;
        var channel = Channel.Trades;
        if (op is "subscribe" or "unsubscribe")
        {
            string? name = root.TryGetProperty("channel", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            orders = name == "orders";
            if (!orders && !Channels.TryParse(name, out channel))
            {
                throw new FormatException($"unknown channel '{name}' (trades, l1, l2, l3, bars, status, orders)");
            }
        }
        string symbol = root.TryGetProperty("symbol", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "";
        var format = MessageFormat.Json;
        if (root.TryGetProperty("format", out var f))
        {
            format = f.GetString() switch
            {
                "json" => MessageFormat.Json,
                "protobuf" => MessageFormat.Protobuf,
                var other => throw new FormatException($"unknown format '{other}' (json, protobuf)"),
            };
        }
        int depth = 0;
        if (root.TryGetProperty("depth", out var d))
        {
            if (!d.TryGetInt32(out depth) || depth < 0 || depth > MaxDepth)
            {
                throw new FormatException($"depth must be 0 (full) to {MaxDepth}");
            }
        }
        return new ClientRequest(op, channel, symbol, format, channel == Channel.L2 && !orders ? depth : 0) { Orders = orders };
    }
}
