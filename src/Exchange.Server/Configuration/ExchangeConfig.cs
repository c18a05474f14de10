using System.Text.Json;
using System.Text.Json.Serialization;
using Exchange.Journal;
using Exchange.Sequencing;

namespace Exchange.Server.Configuration;

/// <summary>Everything `exchange serve` can be configured with. Every value has an embedded default, so the
/// exchange runs with no file at all; `exchange.json` (see docs/configuration.md) overrides what it names.</summary>
public sealed record ExchangeConfig
{
    /// <summary>Journal and snapshots live here.</summary>
    public string DataDirectory { get; init; } = "data";

    public DurabilityMode Durability { get; init; } = DurabilityMode.Fsync;

    /// <summary>A snapshot is written after this many journaled commands (0 = only at shutdown).</summary>
    public long SnapshotEveryCommands { get; init; } = 1_000_000;

    /// <summary>Size of each pre-allocated journal segment file (64 MiB); the unit of <see cref="PruneJournal"/>.</summary>
    public long JournalSegmentBytes { get; init; } = 64L << 20;

    /// <summary>Snapshots kept per shard (at least 1); a new one deletes the oldest beyond this count.</summary>
    public int RetainSnapshots { get; init; } = 2;

    /// <summary>After each snapshot, delete the journal segments whose records are all in the oldest snapshot kept
    /// (so recovery can still fall back to any kept snapshot). False keeps the whole journal.</summary>
    public bool PruneJournal { get; init; } = true;

    /// <summary>`serve` advances engine time this often when idle (a journaled AdvanceTime per shard), so
    /// good-till-date expiry and timed market-integrity rules fire without traffic; 0 turns it off.</summary>
    public int TimeTickMilliseconds { get; init; } = 250;

    public int InboundRingSize { get; init; } = 1 << 14;

    public int OutboundRingSize { get; init; } = 1 << 16;

    /// <summary>Wait strategy of both rings unless set per ring below.</summary>
    public WaitStrategyKind WaitStrategy { get; init; } = WaitStrategyKind.Blocking;

    public WaitStrategyKind? InboundWaitStrategy { get; init; }

    public WaitStrategyKind? OutboundWaitStrategy { get; init; }

    /// <summary>HTTP and WebSocket gateway (REST, market data, web UI).</summary>
    public string HttpEndpoint { get; init; } = "127.0.0.1:8080";

    /// <summary>FIX 4.4 acceptor; clients use TargetCompID <see cref="FixCompId"/>.</summary>
    public string FixEndpoint { get; init; } = "127.0.0.1:9878";

    public string FixCompId { get; init; } = "EXCHANGE";

    /// <summary>FIX sessions the acceptor accepts (docs/fix.md); by default one per demo account.</summary>
    public IReadOnlyList<FixSessionConfig> FixSessions { get; init; } =
    [
        new("TRADER1"),
        new("TRADER2"),
    ];

    /// <summary>Binary order entry (TCP).</summary>
    public string BinaryOrderEntryEndpoint { get; init; } = "127.0.0.1:9001";

    /// <summary>Binary market-data feed (UDP).</summary>
    public string MarketDataFeedEndpoint { get; init; } = "127.0.0.1:9002";

    /// <summary>Re-request server of the binary feed (UDP): MoldUDP64 requests for missed messages.</summary>
    public string MarketDataRequestEndpoint { get; init; } = "127.0.0.1:9003";

    /// <summary>Snapshot server of the binary feed (TCP) for late joiners.</summary>
    public string MarketDataSnapshotEndpoint { get; init; } = "127.0.0.1:9004";

    /// <summary>MoldUDP64 session name of the binary feed (at most 10 ASCII characters).</summary>
    public string MarketDataSession { get; init; } = "EXCHANGE";

    /// <summary>Engine events the market-data thread may have waiting; beyond it events are dropped and the shard's
    /// market data is marked stale (docs/market-data.md).</summary>
    public int MarketDataQueueCapacity { get; init; } = 1 << 18;

    /// <summary>Order-entry rate limits of the gateways (per account, per session, after a Level 1 alert).</summary>
    public RateLimitConfig RateLimits { get; init; } = new();

    public IReadOnlyList<AccountConfig> Accounts { get; init; } =
    [
        new("TRADER1", 1, "demo", Cash: "1000000000.00", Position: 10_000_000),
        new("TRADER2", 2, "demo", Cash: "1000000000.00", Position: 10_000_000),
    ];

    /// <summary>Accounts, pre-trade risk and circuit breakers (docs/risk.md): turned on by a journaled command at the
    /// first start, which then funds the configured accounts. Turning it off later does not turn the engine's off.</summary>
    public bool RiskEnabled { get; init; } = true;

    public IReadOnlyList<InstrumentConfig> Instruments { get; init; } =
    [
        new("AAPL", "0.01", 1, ReferencePrice: "190.00"),
        new("MSFT", "0.01", 1, ReferencePrice: "420.00"),
        new("GOOG", "0.01", 1, ReferencePrice: "170.00"),
        new("TSLA", "0.01", 1, ReferencePrice: "250.00"),
    ];

    /// <summary>Engine shards: each one a thread with its own journal. Instruments not listed go to shard 0.</summary>
    public IReadOnlyList<ShardConfig> Shards { get; init; } = [new(0, [])];

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The defaults overlaid with <paramref name="path"/> if it exists.</summary>
    public static ExchangeConfig Load(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return new ExchangeConfig();
        }
        return JsonSerializer.Deserialize<ExchangeConfig>(File.ReadAllText(path), JsonOptions)
            ?? throw new InvalidDataException($"{path}: empty configuration");
    }
}
