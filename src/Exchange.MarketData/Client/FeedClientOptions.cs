using System.Net;

namespace Exchange.MarketData.Client;

/// <summary>Where an <see cref="ItchFeedClient"/> listens and whom it asks for missed messages.</summary>
public sealed record FeedClientOptions
{
    /// <summary>Local UDP endpoint the feed's packets are sent to.</summary>
    public IPEndPoint FeedEndpoint { get; init; } = new(IPAddress.Loopback, 9002);

    /// <summary>The server's re-request endpoint (UDP).</summary>
    public IPEndPoint RequestEndpoint { get; init; } = new(IPAddress.Loopback, 9003);

    /// <summary>The server's TCP snapshot endpoint; null = start from message 1 (everything missed is re-requested).</summary>
    public IPEndPoint? SnapshotEndpoint { get; init; } = new(IPAddress.Loopback, 9004);

    /// <summary>A gap still open after this long is requested again (the request or its answer may be lost too).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Test hook: return true to drop a received datagram (simulated loss, live or re-sent alike).</summary>
    public Func<bool>? DropIncoming { get; init; }
}
