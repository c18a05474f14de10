using Exchange.Core.Domain;
using Exchange.MarketData.Views;

namespace Exchange.Api.Messages;

/// <summary>One market-data message, independent of its encoding (<see cref="JsonMessageCodec"/>,
/// <see cref="ProtobufMessageCodec"/>). Which members are used depends on <see cref="Channel"/> and
/// <see cref="Type"/>; the rest stay empty. Prices are fixed-point longs (10^-8).</summary>
public sealed record FeedMessage
{
    public MessageType Type { get; init; }

    public Channel Channel { get; init; }

    public string Symbol { get; init; } = "";

    /// <summary>Per-(symbol, channel) sequence: see docs/market-data.md for the gap rule.</summary>
    public long Sequence { get; init; }

    /// <summary>Engine time of the last event included (ns since the Unix epoch).</summary>
    public long Timestamp { get; init; }

    /// <summary>l1: best bid and ask (quantity 0 = none).</summary>
    public PriceLevelView Bid { get; init; }

    public PriceLevelView Ask { get; init; }

    /// <summary>l2: levels (snapshot: best first; update: changed levels, quantity 0 = gone).</summary>
    public IReadOnlyList<PriceLevelView> Bids { get; init; } = [];

    public IReadOnlyList<PriceLevelView> Asks { get; init; } = [];

    /// <summary>l3 snapshot: every order in priority order, bids then asks.</summary>
    public IReadOnlyList<OrderView> Orders { get; init; } = [];

    /// <summary>l3 update: the order-by-order changes, in order.</summary>
    public IReadOnlyList<BookUpdate> OrderUpdates { get; init; } = [];

    public IReadOnlyList<TradePrint> Trades { get; init; } = [];

    /// <summary>bars: each with its interval.</summary>
    public IReadOnlyList<(BarInterval Interval, Bar Bar)> Bars { get; init; } = [];

    /// <summary>status: trading status (0 = not set), statistics, and whether the views may be wrong after lost events.</summary>
    public TradingStatus Status { get; init; }

    public StatisticsView Statistics { get; init; }

    public bool Stale { get; init; }

    /// <summary>error: the reason; subscribed/unsubscribed: nothing.</summary>
    public string Text { get; init; } = "";

    /// <summary>Price decimals used when writing JSON prices (the instrument's tick decimals; at least 2).</summary>
    public int PriceDecimals { get; init; } = 2;
}
