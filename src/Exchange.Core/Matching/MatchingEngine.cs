using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Events;

namespace Exchange.Core.Matching;

/// <summary>The matching engine: a deterministic, single-threaded state machine over all instruments of
/// one shard. <see cref="Process"/> applies one command and returns the events it caused. Not thread-safe:
/// exactly one thread may call it. Rules: docs/matching-rules.md.</summary>
public sealed partial class MatchingEngine
{
    public MatchingEngine(EngineOptions? options = null)
    {
        options ??= new EngineOptions();
        throw new NotImplementedException();
    }

    /// <summary>Sequence number of the last event produced (0 before any).</summary>
    public long Sequence { get; private set; }

    /// <summary>Applies one command. The returned span is valid until the next call.</summary>
    public ReadOnlySpan<EngineEvent> Process(in Command command) => throw new NotImplementedException();

    /// <summary>Instruments in declaration order.</summary>
    public IReadOnlyList<Instrument> Instruments => throw new NotImplementedException();

    public bool TryGetInstrument(Symbol symbol, out Instrument instrument) => throw new NotImplementedException();

    /// <summary>Number of live orders (resting and untriggered stops).</summary>
    public int LiveOrderCount => throw new NotImplementedException();

    /// <summary>Full-depth copy of one instrument's books (allocates: for tools and tests, not the hot path).</summary>
    public BookSnapshot GetBookSnapshot(Symbol symbol) => throw new NotImplementedException();

    /// <summary>Writes up to <paramref name="levels"/>.Length aggregated levels of one side, best first; returns the count.</summary>
    public int GetDepth(Symbol symbol, Side side, Span<PriceLevelInfo> levels) => throw new NotImplementedException();

    /// <summary>A 64-bit hash of the complete engine state (see docs/matching-rules.md).</summary>
    public ulong ComputeStateDigest() => throw new NotImplementedException();
}
