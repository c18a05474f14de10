using Exchange.Api.Messages;
using Exchange.MarketData.Views;

namespace Exchange.Api.WebSockets;

/// <summary>One (symbol, channel) subscription of a connection. Owned by the market-data thread.</summary>
internal sealed class Subscription(ClientConnection connection, string symbol, Channel channel, MessageFormat format, int depth)
{
    public ClientConnection Connection { get; } = connection;

    public string Symbol { get; } = symbol;

    public Channel Channel { get; } = channel;

    public MessageFormat Format { get; } = format;

    /// <summary>l2: levels per side; 0 = full depth with deltas.</summary>
    public int Depth { get; } = depth;

    /// <summary>l2 full depth: deltas were skipped under pressure; a snapshot is due.</summary>
    public bool NeedsSnapshot { get; set; }

    public bool Active { get; set; } = true;

    /// <summary>The private <c>orders</c> channel of this account (0 = a public channel; <see cref="Symbol"/> is empty).</summary>
    public long Account { get; init; }
}
