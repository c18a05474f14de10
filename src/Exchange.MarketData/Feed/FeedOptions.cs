using System.Net;

namespace Exchange.MarketData.Feed;

/// <summary>Where and how the ITCH-over-MoldUDP64 feed is published (docs/itch-feed.md).</summary>
public sealed record FeedOptions
{
    /// <summary>MoldUDP64 session name (10 ASCII characters at most).</summary>
    public string Session { get; init; } = "EXCHANGE";

    /// <summary>Destination of the live packets (UDP).</summary>
    public IPEndPoint FeedEndpoint { get; init; } = new(IPAddress.Loopback, 9002);

    /// <summary>Re-request server (UDP): answers 20-byte MoldUDP64 requests with the messages asked for.</summary>
    public IPEndPoint RequestEndpoint { get; init; } = new(IPAddress.Loopback, 9003);

    /// <summary>Snapshot server (TCP): the whole public book and the sequence number it is valid at.</summary>
    public IPEndPoint SnapshotEndpoint { get; init; } = new(IPAddress.Loopback, 9004);

    /// <summary>Largest packet sent, header included: below a typical MTU.</summary>
    public int MaxPacketSize { get; init; } = 1400;

    /// <summary>A heartbeat goes out after this long without a packet.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Most messages one re-request is answered with (it may ask for up to 65,534).</summary>
    public int MaxMessagesPerRequest { get; init; } = 4096;
}
