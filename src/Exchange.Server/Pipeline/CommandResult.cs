using Exchange.Core.Events;

namespace Exchange.Server.Pipeline;

/// <summary>What one submitted command caused: its events, released once the command was durable.</summary>
public sealed record CommandResult(long CommandSequence, IReadOnlyList<EngineEvent> Events);
