using System.Buffers;
using System.Text.Json;
using Exchange.Core.Domain;
using Exchange.MarketData.Views;

namespace Exchange.Api.Messages;

/// <summary>The JSON encoding of <see cref="FeedMessage"/> (docs/market-data.md): prices as exact decimal strings,
/// quantities, ids and times (ns since the Unix epoch) as integers; only the members of the message's channel are
/// written.</summary>
public static class JsonMessageCodec
{
    private static readonly string[] TypeNames = ["", "snapshot", "update", "subscribed", "unsubscribed", "error", "heartbeat"];

    public static byte[] Encode(FeedMessage m)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            Write(w, m);
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(Utf8JsonWriter w, FeedMessage m)
    {
        w.WriteStartObject();
        w.WriteString("type", TypeNames[(int)m.Type]);
        if (m.Symbol.Length > 0)
        {
            w.WriteString("channel", m.Channel.Name());
            w.WriteString("symbol", m.Symbol);
        }
        if (m.Type is MessageType.Snapshot or MessageType.Update)
        {
            w.WriteNumber("seq", m.Sequence);
        }
        if (m.Timestamp != 0)
        {
            w.WriteNumber("time", m.Timestamp);
        }
        if (m.Text.Length > 0)
        {
            w.WriteString("text", m.Text);
        }
        if (m.Type is MessageType.Snapshot or MessageType.Update)
        {
            WriteBody(w, m);
        }
        w.WriteEndObject();
    }

    private static void WriteBody(Utf8JsonWriter w, FeedMessage m)
    {
        int decimals = m.PriceDecimals;
        switch (m.Channel)
        {
            case Channel.L1:
                WriteLevel(w, "bid", m.Bid, decimals);
                WriteLevel(w, "ask", m.Ask, decimals);
                break;
            case Channel.L2:
                WriteLevels(w, "bids", m.Bids, decimals);
                WriteLevels(w, "asks", m.Asks, decimals);
                break;
            case Channel.L3 when m.Type == MessageType.Snapshot:
                w.WriteStartArray("orders");
                foreach (var o in m.Orders)
                {
                    w.WriteStartArray();
                    w.WriteNumberValue(o.OrderId);
                    w.WriteStringValue(SideName(o.Side));
                    w.WriteStringValue(Price.Format(o.Price, decimals));
                    w.WriteNumberValue(o.Quantity);
                    w.WriteEndArray();
                }
                w.WriteEndArray();
                break;
            case Channel.L3:
                w.WriteStartArray("updates");
                foreach (var u in m.OrderUpdates)
                {
                    w.WriteStartObject();
                    w.WriteString("op", u.Kind switch
                    {
                        BookUpdateKind.Add => "add",
                        BookUpdateKind.Execute => "exec",
                        BookUpdateKind.Cancel => "cancel",
                        _ => "delete",
                    });
                    w.WriteNumber("id", u.OrderId);
                    w.WriteString("side", SideName(u.Side));
                    w.WriteString("price", Price.Format(u.Price, decimals));
                    w.WriteNumber("qty", u.Quantity);
                    if (u.TradeId != 0)
                    {
                        w.WriteNumber("tradeId", u.TradeId);
                    }
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                break;
            case Channel.Trades:
                w.WriteStartArray("trades");
                foreach (var t in m.Trades)
                {
                    w.WriteStartObject();
                    w.WriteNumber("id", t.TradeId);
                    w.WriteString("price", Price.Format(t.Price, decimals));
                    w.WriteNumber("qty", t.Quantity);
                    w.WriteString("side", SideName(t.AggressorSide));
                    w.WriteNumber("time", t.Timestamp);
                    w.WriteNumber("maker", t.MakerOrderId);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                break;
            case Channel.Bars:
                w.WriteStartArray("bars");
                foreach (var (interval, b) in m.Bars)
                {
                    w.WriteStartObject();
                    w.WriteString("interval", interval.Name());
                    w.WriteNumber("start", b.Start);
                    w.WriteString("open", Price.Format(b.Open, decimals));
                    w.WriteString("high", Price.Format(b.High, decimals));
                    w.WriteString("low", Price.Format(b.Low, decimals));
                    w.WriteString("close", Price.Format(b.Close, decimals));
                    w.WriteNumber("volume", b.Volume);
                    w.WriteNumber("trades", b.TradeCount);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                break;
            case Channel.Status:
                w.WriteString("status", StatusName(m.Status));
                w.WriteStartObject("stats");
                var s = m.Statistics;
                w.WriteString("open", Price.Format(s.Open, decimals));
                w.WriteString("high", Price.Format(s.High, decimals));
                w.WriteString("low", Price.Format(s.Low, decimals));
                w.WriteString("last", Price.Format(s.Last, decimals));
                w.WriteNumber("volume", s.Volume);
                w.WriteString("vwap", Price.Format(s.Vwap, decimals));
                w.WriteNumber("trades", s.TradeCount);
                w.WriteEndObject();
                w.WriteBoolean("stale", m.Stale);
                break;
        }
    }

    private static void WriteLevel(Utf8JsonWriter w, string name, PriceLevelView level, int decimals)
    {
        w.WriteStartObject(name);
        w.WriteString("price", Price.Format(level.Price, decimals));
        w.WriteNumber("qty", level.Quantity);
        w.WriteNumber("orders", level.OrderCount);
        w.WriteEndObject();
    }

    private static void WriteLevels(Utf8JsonWriter w, string name, IReadOnlyList<PriceLevelView> levels, int decimals)
    {
        w.WriteStartArray(name);
        foreach (var l in levels)
        {
            w.WriteStartArray();
            w.WriteStringValue(Price.Format(l.Price, decimals));
            w.WriteNumberValue(l.Quantity);
            w.WriteNumberValue(l.OrderCount);
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    public static string SideName(Side side) => side == Side.Buy ? "buy" : "sell";

    public static string StatusName(TradingStatus status) => status switch
    {
        TradingStatus.Open => "open",
        TradingStatus.Halted => "halted",
        TradingStatus.Closed => "closed",
        TradingStatus.Paused => "paused",
        _ => "",
    };

    /// <summary>Reads a message written by <see cref="Encode"/>; throws <see cref="FormatException"/> on anything else.</summary>
    public static FeedMessage Decode(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            using var document = JsonDocument.ParseValue(ref reader);
            return Decode(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            throw new FormatException($"Not a market-data message: {e.Message}", e);
        }
    }

    private static FeedMessage Decode(JsonElement root)
    {
        int typeIndex = Array.IndexOf(TypeNames, root.GetProperty("type").GetString());
        if (typeIndex <= 0)
        {
            throw new FormatException("unknown message type");
        }
        var type = (MessageType)typeIndex;
        var channel = Channel.Trades;
        if (root.TryGetProperty("channel", out var c) && !Channels.TryParse(c.GetString(), out channel))
        {
            throw new FormatException("unknown channel");
        }
        var m = new FeedMessage
        {
            Type = type,
            Channel = channel,
            Symbol = root.TryGetProperty("symbol", out var s) ? s.GetString() ?? "" : "",
            Sequence = root.TryGetProperty("seq", out var q) ? q.GetInt64() : 0,
            Timestamp = root.TryGetProperty("time", out var t) ? t.GetInt64() : 0,
            Text = root.TryGetProperty("text", out var x) ? x.GetString() ?? "" : "",
        };
        if (type is not (MessageType.Snapshot or MessageType.Update))
        {
            return m;
        }
        return channel switch
        {
            Channel.L1 => m with { Bid = ReadLevel(root.GetProperty("bid")), Ask = ReadLevel(root.GetProperty("ask")) },
            Channel.L2 => m with { Bids = ReadLevels(root.GetProperty("bids")), Asks = ReadLevels(root.GetProperty("asks")) },
            Channel.L3 when type == MessageType.Snapshot => m with
            {
                Orders = [.. root.GetProperty("orders").EnumerateArray().Select(o =>
                    new OrderView(o[0].GetInt64(), ParseSide(o[1].GetString()), ParsePrice(o[2]), o[3].GetInt64()))],
            },
            Channel.L3 => m with
            {
                OrderUpdates = [.. root.GetProperty("updates").EnumerateArray().Select(u => new BookUpdate(
                    u.GetProperty("op").GetString() switch
                    {
                        "add" => BookUpdateKind.Add,
                        "exec" => BookUpdateKind.Execute,
                        "cancel" => BookUpdateKind.Cancel,
                        "delete" => BookUpdateKind.Delete,
                        _ => throw new FormatException("unknown op"),
                    },
                    u.GetProperty("id").GetInt64(), ParseSide(u.GetProperty("side").GetString()), ParsePrice(u.GetProperty("price")),
                    u.GetProperty("qty").GetInt64(), u.TryGetProperty("tradeId", out var id) ? id.GetInt64() : 0))],
            },
            Channel.Trades => m with
            {
                Trades = [.. root.GetProperty("trades").EnumerateArray().Select(tr => new TradePrint(
                    tr.GetProperty("id").GetInt64(), ParsePrice(tr.GetProperty("price")), tr.GetProperty("qty").GetInt64(),
                    ParseSide(tr.GetProperty("side").GetString()), tr.GetProperty("time").GetInt64(), tr.GetProperty("maker").GetInt64()))],
            },
            Channel.Bars => m with
            {
                Bars = [.. root.GetProperty("bars").EnumerateArray().Select(b => (
                    BarIntervals.TryParse(b.GetProperty("interval").GetString(), out var i) ? i : throw new FormatException("unknown interval"),
                    new Bar(b.GetProperty("start").GetInt64(), ParsePrice(b.GetProperty("open")), ParsePrice(b.GetProperty("high")),
                        ParsePrice(b.GetProperty("low")), ParsePrice(b.GetProperty("close")), b.GetProperty("volume").GetInt64(),
                        b.GetProperty("trades").GetInt32())))],
            },
            _ => m with
            {
                Status = root.GetProperty("status").GetString() switch
                {
                    "open" => TradingStatus.Open,
                    "halted" => TradingStatus.Halted,
                    "closed" => TradingStatus.Closed,
                    "paused" => TradingStatus.Paused,
                    _ => 0,
                },
                Statistics = ReadStatistics(root.GetProperty("stats")),
                Stale = root.GetProperty("stale").GetBoolean(),
            },
        };
    }

    private static StatisticsView ReadStatistics(JsonElement s) => new(
        ParsePrice(s.GetProperty("open")), ParsePrice(s.GetProperty("high")), ParsePrice(s.GetProperty("low")),
        ParsePrice(s.GetProperty("last")), s.GetProperty("volume").GetInt64(), ParsePrice(s.GetProperty("vwap")),
        s.GetProperty("trades").GetInt64());

    private static PriceLevelView ReadLevel(JsonElement l) =>
        new(ParsePrice(l.GetProperty("price")), l.GetProperty("qty").GetInt64(), l.GetProperty("orders").GetInt32());

    private static List<PriceLevelView> ReadLevels(JsonElement array) =>
        [.. array.EnumerateArray().Select(l => new PriceLevelView(ParsePrice(l[0]), l[1].GetInt64(), l[2].GetInt32()))];

    private static long ParsePrice(JsonElement e) =>
        Price.TryParse(e.GetString(), out long value) ? value : throw new FormatException("bad price");

    private static Side ParseSide(string? side) => side switch
    {
        "buy" => Side.Buy,
        "sell" => Side.Sell,
        _ => throw new FormatException("bad side"),
    };
}
