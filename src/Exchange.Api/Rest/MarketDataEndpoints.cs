using System.Buffers;
using System.Text.Json;
using Exchange.Api.Messages;
using Exchange.Api.WebSockets;
using Exchange.Core.Domain;
using Exchange.MarketData.Service;
using Exchange.MarketData.Views;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Exchange.Api.Rest;

/// <summary>REST market data (docs/market-data.md): instruments, book depth, recent trades, bars for a time range,
/// statistics. Each request is answered from the views on the market-data thread, so an answer is one consistent
/// state; its <c>seq</c> is the sequence of the corresponding WebSocket channel at that moment, and the instrument's
/// changes held back by a publication interval are published first (<see cref="MarketDataService.QueryPublishedAsync"/>),
/// so the answer contains exactly the updates up to its <c>seq</c>.</summary>
public static class MarketDataEndpoints
{
    public const int MaxDepth = 1000;
    public const int MaxTrades = 1000;
    public const int MaxBars = 5000;

    public static IEndpointRouteBuilder MapMarketData(this IEndpointRouteBuilder app, MarketDataService service)
    {
        var api = app.MapGroup("/api/v1");
        api.MapGet("/instruments", () => Query(service, views => WriteInstruments(views)));
        api.MapGet("/instruments/{symbol}/book", (string symbol, int? depth) =>
        {
            int d = depth ?? 10;
            if (d is < 0 or > MaxDepth)
            {
                return Task.FromResult(BadRequest($"depth must be 0 (all) to {MaxDepth}"));
            }
            return QueryInstrument(service, symbol, (views, view) => new FeedMessage
            {
                Type = MessageType.Snapshot, Channel = Channel.L2, Symbol = view.Name, Sequence = view.SequenceOf(Channel.L2),
                Timestamp = view.LastTimestamp, Bids = view.Book.Levels(Side.Buy, d), Asks = view.Book.Levels(Side.Sell, d),
                PriceDecimals = Decimals(view),
            });
        });
        api.MapGet("/instruments/{symbol}/trades", (string symbol, int? limit) =>
        {
            int n = limit ?? 100;
            if (n is < 1 or > MaxTrades)
            {
                return Task.FromResult(BadRequest($"limit must be 1 to {MaxTrades}"));
            }
            return QueryInstrument(service, symbol, (views, view) => new FeedMessage
            {
                Type = MessageType.Snapshot, Channel = Channel.Trades, Symbol = view.Name, Sequence = view.SequenceOf(Channel.Trades),
                Timestamp = view.LastTimestamp, Trades = view.Tape.Recent(n), PriceDecimals = Decimals(view),
            });
        });
        api.MapGet("/instruments/{symbol}/bars", (string symbol, string? interval, long? from, long? to, int? limit) =>
        {
            if (!BarIntervals.TryParse(interval ?? "1m", out var i))
            {
                return Task.FromResult(BadRequest("interval must be 1s or 1m"));
            }
            int n = limit ?? 500;
            if (n is < 1 or > MaxBars)
            {
                return Task.FromResult(BadRequest($"limit must be 1 to {MaxBars}"));
            }
            // from/to: Unix milliseconds, from inclusive, to exclusive (bar start times).
            long start = from is { } f ? f * 1_000_000 : long.MinValue;
            long end = to is { } t ? t * 1_000_000 : long.MaxValue;
            return QueryInstrument(service, symbol, (views, view) => new FeedMessage
            {
                Type = MessageType.Snapshot, Channel = Channel.Bars, Symbol = view.Name, Sequence = view.SequenceOf(Channel.Bars),
                Timestamp = view.LastTimestamp, PriceDecimals = Decimals(view),
                Bars = [.. view.BarsOf(i).Range(start, end, n).Select(b => (i, b))],
            });
        });
        api.MapGet("/instruments/{symbol}/stats", (string symbol) => QueryInstrument(service, symbol, (views, view) =>
            MarketDataHub.StatusMessage(views, view, MessageType.Snapshot, view.SequenceOf(Channel.Status), Decimals(view))));
        return app;
    }

    private static int Decimals(InstrumentView view) => Math.Max(2, Price.DecimalsOf(view.TickSize));

    private static async Task<IResult> Query(MarketDataService service, Func<MarketDataViews, byte[]> query) =>
        Results.Bytes(await service.QueryAsync(query).ConfigureAwait(false), "application/json");

    private static async Task<IResult> QueryInstrument(MarketDataService service, string symbol, Func<MarketDataViews, InstrumentView, FeedMessage> query)
    {
        // On the published state: with a publication interval the views may be ahead of the last update sent, and an
        // answer with that update's seq but newer content would have the client apply the next update twice.
        var body = await service.QueryPublishedAsync(symbol, (views, view) => view is null ? null : JsonMessageCodec.Encode(query(views, view)))
            .ConfigureAwait(false);
        return body is null ? Results.NotFound(new { error = $"unknown symbol '{symbol}'" }) : Results.Bytes(body, "application/json");
    }

    private static IResult BadRequest(string error) => Results.BadRequest(new { error });

    private static byte[] WriteInstruments(MarketDataViews views)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var view in views.Instruments)
            {
                int decimals = Decimals(view);
                w.WriteStartObject();
                w.WriteString("symbol", view.Name);
                w.WriteString("status", JsonMessageCodec.StatusName(view.Status));
                if (view.TickSize > 0)
                {
                    w.WriteString("tickSize", Price.Format(view.TickSize));
                    w.WriteNumber("lotSize", view.LotSize);
                }
                w.WriteString("referencePrice", Price.Format(view.ReferencePrice, decimals));
                w.WriteString("lastPrice", Price.Format(view.Statistics.Last, decimals));
                w.WriteNumber("shard", view.Shard);
                w.WriteNumber("locate", view.Locate);
                w.WriteBoolean("stale", views.IsStale(view.Shard));
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
