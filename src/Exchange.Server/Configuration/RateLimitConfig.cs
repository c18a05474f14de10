namespace Exchange.Server.Configuration;

/// <summary>Order-entry rate limits, enforced by the gateways before the ring buffer (docs/risk.md). A rate of 0
/// turns that limit off.</summary>
public sealed record RateLimitConfig
{
    /// <summary>Messages (orders, cancels, replaces) per second per account, over all its sessions.</summary>
    public long PerAccountPerSecond { get; init; } = 1_000_000;

    public long PerAccountBurst { get; init; } = 100_000;

    /// <summary>Messages per second per session (0 = only the account limit).</summary>
    public long PerSessionPerSecond { get; init; }

    public long PerSessionBurst { get; init; }

    /// <summary>After a Level 1 move alert, orders per second on that instrument over all accounts.</summary>
    public long Level1PerSecond { get; init; } = 1_000;

    /// <summary>How long the Level 1 cap stays (engine time after the alert; the move window is 5 minutes).</summary>
    public int Level1Seconds { get; init; } = 300;
}
