using Exchange.Core.Events;

namespace Exchange.Server.Pipeline;

/// <summary>A slot of the outbound ring: one engine event, tagged with the inbound command that caused it.</summary>
public struct OutboundSlot
{
    /// <summary>The event; <see cref="EngineEvent.Type"/> 0 marks a command that produced no events.</summary>
    public EngineEvent Event;

    /// <summary>Inbound ring sequence of the command: its events may be released once this is durable.</summary>
    public long CommandSequence;

    public long SessionId;
    public long CorrelationId;

    /// <summary>True on the last slot of a command's events.</summary>
    public bool LastOfCommand;
}
