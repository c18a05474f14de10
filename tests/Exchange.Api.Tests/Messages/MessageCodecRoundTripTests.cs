using Exchange.Api.Messages;
using Exchange.Core.Domain;
using Exchange.MarketData.Views;

namespace Exchange.Api.Tests.Messages;

public class MessageCodecRoundTripTests
{
    [Fact]
    public void JsonAndProtobufCarryTheSameContentForRandomMessagesOfEveryChannel()
    {
        var random = new Random(7);
        for (int i = 0; i < 2_000; i++)
        {
            var message = RandomMessage(random);
            var fromJson = JsonMessageCodec.Decode(JsonMessageCodec.Encode(message));
            var fromProtobuf = ProtobufMessageCodec.Decode(ProtobufMessageCodec.Encode(message));
            string expected = Canonical(message);
            Assert.Equal(expected, Canonical(fromJson));
            Assert.Equal(expected, Canonical(fromProtobuf));
        }
    }

    [Fact]
    public void JsonPricesAreExactDecimalStrings()
    {
        var message = new FeedMessage
        {
            Type = MessageType.Update, Channel = Channel.L1, Symbol = "AAPL", Sequence = 3,
            Bid = new PriceLevelView(19_012_345_678, 100, 2), Ask = new PriceLevelView(19_020_000_000, 5, 1), PriceDecimals = 2,
        };
        string json = System.Text.Encoding.UTF8.GetString(JsonMessageCodec.Encode(message));
        Assert.Equal("""{"type":"update","channel":"l1","symbol":"AAPL","seq":3,"bid":{"price":"190.12345678","qty":100,"orders":2},"ask":{"price":"190.20","qty":5,"orders":1}}""", json);
    }

    [Fact]
    public void MalformedJsonIsAFormatException()
    {
        Assert.Throws<FormatException>(() => JsonMessageCodec.Decode("{\"type\":\"nope\"}"u8));
        Assert.Throws<FormatException>(() => JsonMessageCodec.Decode("not json"u8));
    }

    /// <summary>Every member of the message in one text (price decimals excluded: a presentation choice of JSON).</summary>
    private static string Canonical(FeedMessage m) => string.Join("|",
        m.Type, m.Channel, m.Symbol, m.Sequence, m.Timestamp, m.Text, m.Bid, m.Ask,
        string.Join(",", m.Bids), string.Join(",", m.Asks), string.Join(",", m.Orders), string.Join(",", m.OrderUpdates),
        string.Join(",", m.Trades), string.Join(",", m.Bars), m.Status, m.Statistics, m.Stale);

    private static FeedMessage RandomMessage(Random r)
    {
        var channel = (Channel)r.Next(Channels.Count);
        var type = r.Next(10) switch
        {
            0 => MessageType.Subscribed,
            1 => MessageType.Error,
            2 => MessageType.Heartbeat,
            < 6 => MessageType.Snapshot,
            _ => MessageType.Update,
        };
        long Price() => r.NextInt64(0, 1_000_000) * 1_000_000; // up to 10,000.00
        long Quantity() => r.Next(3) == 0 ? 0 : r.NextInt64(1, 10_000_000);
        Side RandomSide() => r.Next(2) == 0 ? Side.Buy : Side.Sell;
        List<T> Many<T>(Func<T> make) => [.. Enumerable.Range(0, r.Next(0, 6)).Select(_ => make())];
        var message = new FeedMessage
        {
            Type = type,
            Channel = type is MessageType.Heartbeat ? Channel.Trades : channel,
            Symbol = type is MessageType.Heartbeat ? "" : "SYM" + r.Next(100),
            Sequence = type is MessageType.Snapshot or MessageType.Update ? r.NextInt64(0, long.MaxValue / 2) : 0,
            Timestamp = r.Next(4) == 0 ? 0 : r.NextInt64(1, long.MaxValue),
            Text = type is MessageType.Error ? "reason " + r.Next() : "",
        };
        if (type is not (MessageType.Snapshot or MessageType.Update))
        {
            return message;
        }
        return channel switch
        {
            Channel.L1 => message with { Bid = new PriceLevelView(Price(), Quantity(), r.Next(5)), Ask = new PriceLevelView(Price(), Quantity(), r.Next(5)) },
            Channel.L2 => message with
            {
                Bids = Many(() => new PriceLevelView(Price(), Quantity(), r.Next(5))),
                Asks = Many(() => new PriceLevelView(Price(), Quantity(), r.Next(5))),
            },
            Channel.L3 when type == MessageType.Snapshot => message with { Orders = Many(() => new OrderView(r.NextInt64(1, 1L << 60), RandomSide(), Price(), Quantity())) },
            Channel.L3 => message with
            {
                OrderUpdates = Many(() => new BookUpdate((BookUpdateKind)r.Next(1, 5), r.NextInt64(1, 1L << 60), RandomSide(), Price(), Quantity(),
                    r.Next(2) == 0 ? 0 : r.NextInt64(1, 1L << 50))),
            },
            Channel.Trades => message with
            {
                Trades = Many(() => new TradePrint(r.NextInt64(1, 1L << 50), Price(), Quantity(), RandomSide(), r.NextInt64(1, long.MaxValue), r.NextInt64(1, 1L << 60))),
            },
            Channel.Bars => message with
            {
                Bars = Many(() => (r.Next(2) == 0 ? BarInterval.OneSecond : BarInterval.OneMinute,
                    new Bar(r.NextInt64(1, long.MaxValue), Price(), Price(), Price(), Price(), Quantity(), r.Next(1000)))),
            },
            _ => message with
            {
                Status = (TradingStatus)r.Next(1, 4),
                Statistics = new StatisticsView(Price(), Price(), Price(), Price(), Quantity(), Price(), r.NextInt64(0, 1000)),
                Stale = r.Next(2) == 0,
            },
        };
    }
}
