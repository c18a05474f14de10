using BenchmarkDotNet.Attributes;
using Exchange.Api.Messages;
using Exchange.Core.Domain;
using Exchange.MarketData.Views;

namespace Exchange.Benchmarks;

/// <summary>Cost of encoding one WebSocket market-data message, JSON vs Protocol Buffers (each message is encoded once
/// per format and shared by all its subscribers).</summary>
[MemoryDiagnoser]
public class MarketDataEncodingBenchmarks
{
    private static readonly long Base = 190 * Price.Scale;

    private readonly FeedMessage _l1 = new()
    {
        Type = MessageType.Update, Channel = Channel.L1, Symbol = "AAPL", Sequence = 123_456, Timestamp = 1_767_225_600_123_456_789,
        Bid = new PriceLevelView(Base, 1_200, 3), Ask = new PriceLevelView(Base + Price.Scale / 100, 800, 2),
    };

    private readonly FeedMessage _trade = new()
    {
        Type = MessageType.Update, Channel = Channel.Trades, Symbol = "AAPL", Sequence = 98_765, Timestamp = 1_767_225_600_123_456_789,
        Trades = [new TradePrint(4_321_987, Base, 100, Side.Buy, 1_767_225_600_123_456_789, 1_234_567)],
    };

    private readonly FeedMessage _l2Update = new()
    {
        Type = MessageType.Update, Channel = Channel.L2, Symbol = "AAPL", Sequence = 555_555, Timestamp = 1_767_225_600_123_456_789,
        Bids = [new PriceLevelView(Base, 1_200, 3), new PriceLevelView(Base - Price.Scale / 100, 0, 0)],
        Asks = [new PriceLevelView(Base + Price.Scale / 100, 800, 2)],
    };

    private readonly FeedMessage _l3Update = new()
    {
        Type = MessageType.Update, Channel = Channel.L3, Symbol = "AAPL", Sequence = 777_777, Timestamp = 1_767_225_600_123_456_789,
        OrderUpdates =
        [
            new BookUpdate(BookUpdateKind.Execute, 1_234_567, Side.Sell, Base, 100, 4_321_987),
            new BookUpdate(BookUpdateKind.Add, 1_234_999, Side.Buy, Base - Price.Scale / 100, 300),
            new BookUpdate(BookUpdateKind.Delete, 1_230_001, Side.Buy, Base - 5 * Price.Scale / 100, 200),
        ],
    };

    private readonly FeedMessage _l2Snapshot;

    public MarketDataEncodingBenchmarks()
    {
        _l2Snapshot = new FeedMessage
        {
            Type = MessageType.Snapshot, Channel = Channel.L2, Symbol = "AAPL", Sequence = 555_555, Timestamp = 1_767_225_600_123_456_789,
            Bids = [.. Enumerable.Range(0, 20).Select(i => new PriceLevelView(Base - i * Price.Scale / 100, 100 + i * 37, 1 + i % 4))],
            Asks = [.. Enumerable.Range(1, 20).Select(i => new PriceLevelView(Base + i * Price.Scale / 100, 100 + i * 41, 1 + i % 3))],
        };
    }

    [Benchmark] public byte[] L1Json() => JsonMessageCodec.Encode(_l1);
    [Benchmark] public byte[] L1Protobuf() => ProtobufMessageCodec.Encode(_l1);
    [Benchmark] public byte[] TradeJson() => JsonMessageCodec.Encode(_trade);
    [Benchmark] public byte[] TradeProtobuf() => ProtobufMessageCodec.Encode(_trade);
    [Benchmark] public byte[] L2UpdateJson() => JsonMessageCodec.Encode(_l2Update);
    [Benchmark] public byte[] L2UpdateProtobuf() => ProtobufMessageCodec.Encode(_l2Update);
    [Benchmark] public byte[] L3UpdateJson() => JsonMessageCodec.Encode(_l3Update);
    [Benchmark] public byte[] L3UpdateProtobuf() => ProtobufMessageCodec.Encode(_l3Update);
    [Benchmark] public byte[] L2Snapshot20Json() => JsonMessageCodec.Encode(_l2Snapshot);
    [Benchmark] public byte[] L2Snapshot20Protobuf() => ProtobufMessageCodec.Encode(_l2Snapshot);

    /// <summary>Encoded sizes, for the report.</summary>
    public static IEnumerable<(string Name, int Json, int Protobuf)> Sizes()
    {
        var b = new MarketDataEncodingBenchmarks();
        foreach (var (name, m) in new[] { ("l1", b._l1), ("trade", b._trade), ("l2 update", b._l2Update), ("l3 update", b._l3Update), ("l2 snapshot 20", b._l2Snapshot) })
        {
            yield return (name, JsonMessageCodec.Encode(m).Length, ProtobufMessageCodec.Encode(m).Length);
        }
    }
}
