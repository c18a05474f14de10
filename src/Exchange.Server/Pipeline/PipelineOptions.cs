using Exchange.Sequencing;

namespace Exchange.Server.Pipeline;

/// <summary>Sizes and wait strategies of the sequenced pipeline. Defaults fit a 2-core machine: every
/// consumer blocks when idle, so no thread spins on a core another needs.</summary>
public sealed record PipelineOptions
{
    /// <summary>Inbound ring slots (power of two). When full, submissions are refused as busy.</summary>
    public int InboundRingSize { get; init; } = 1 << 14;

    /// <summary>Outbound ring slots (power of two). When full, the engine waits for the responder.</summary>
    public int OutboundRingSize { get; init; } = 1 << 16;

    public WaitStrategyKind InboundWaitStrategy { get; init; } = WaitStrategyKind.Blocking;

    public WaitStrategyKind OutboundWaitStrategy { get; init; } = WaitStrategyKind.Blocking;
}
