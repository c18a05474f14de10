using System.Net;
using System.Text.Json;
using Exchange.Api.Messages;
using Exchange.Api.Tests.WebSockets;
using Exchange.Core.Domain;
using Exchange.MarketData.Views;

namespace Exchange.Api.Tests.Rest;

public class MarketDataEndpointsTests
{
    [Fact]
    public async Task InstrumentsBookTradesBarsAndStatsAreServed()
    {
        await using var server = await FeedServer.StartAsync();
        server.Run([ProtocolTests.Instrument("XYZ"),
            ProtocolTests.Limit("b1", Side.Buy, 98, 1), ProtocolTests.Limit("b2", Side.Buy, 99, 2), ProtocolTests.Limit("b3", Side.Buy, 97, 3),
            ProtocolTests.Limit("s1", Side.Sell, 101, 4), ProtocolTests.Limit("x1", Side.Buy, 101, 1, account: 2, time: 1_767_225_661_000_000_000)]);
        server.Service.WaitUntilIdle(TimeSpan.FromSeconds(30));
        using var http = new HttpClient { BaseAddress = server.HttpAddress };

        using var instruments = JsonDocument.Parse(await http.GetStringAsync("/api/v1/instruments"));
        var xyz = Assert.Single(instruments.RootElement.EnumerateArray());
        Assert.Equal("XYZ", xyz.GetProperty("symbol").GetString());
        Assert.Equal("open", xyz.GetProperty("status").GetString());
        Assert.Equal("101.00", xyz.GetProperty("lastPrice").GetString());

        var book = JsonMessageCodec.Decode(await http.GetByteArrayAsync("/api/v1/instruments/XYZ/book?depth=2"));
        Assert.Equal([99 * Price.Scale, 98 * Price.Scale], book.Bids.Select(l => l.Price));
        Assert.Equal([new PriceLevelView(101 * Price.Scale, 3, 1)], book.Asks);
        Assert.Equal(server.SequenceOf("XYZ", Channel.L2), book.Sequence);
        var full = JsonMessageCodec.Decode(await http.GetByteArrayAsync("/api/v1/instruments/XYZ/book?depth=0"));
        Assert.Equal(3, full.Bids.Count);

        var trades = JsonMessageCodec.Decode(await http.GetByteArrayAsync("/api/v1/instruments/XYZ/trades?limit=10"));
        var trade = Assert.Single(trades.Trades);
        Assert.Equal((101 * Price.Scale, 1L, Side.Buy), (trade.Price, trade.Quantity, trade.AggressorSide));

        // The trade was at 2026-01-01T00:01:01Z: in the minute bar starting at 00:01:00.
        long minute = 1_767_225_660_000;
        var bars = JsonMessageCodec.Decode(await http.GetByteArrayAsync($"/api/v1/instruments/XYZ/bars?interval=1m&from={minute}&to={minute + 60_000}"));
        var (interval, bar) = Assert.Single(bars.Bars);
        Assert.Equal(BarInterval.OneMinute, interval);
        Assert.Equal(new Bar(minute * 1_000_000, 101 * Price.Scale, 101 * Price.Scale, 101 * Price.Scale, 101 * Price.Scale, 1, 1), bar);
        var none = JsonMessageCodec.Decode(await http.GetByteArrayAsync($"/api/v1/instruments/XYZ/bars?interval=1s&from=0&to={minute}"));
        Assert.Empty(none.Bars);

        var stats = JsonMessageCodec.Decode(await http.GetByteArrayAsync("/api/v1/instruments/XYZ/stats"));
        Assert.Equal(101 * Price.Scale, stats.Statistics.Vwap);
        Assert.Equal(TradingStatus.Open, stats.Status);

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/v1/instruments/NOPE/book")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/api/v1/instruments/XYZ/book?depth=-1")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/api/v1/instruments/XYZ/bars?interval=5m")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/ws")).StatusCode);
    }
}
