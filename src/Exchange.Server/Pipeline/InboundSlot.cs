using Exchange.Core.Commands;

namespace Exchange.Server.Pipeline;

/// <summary>A slot of the inbound ring: one command and who sent it.</summary>
public struct InboundSlot
{
    public Command Command;

    /// <summary>The sending session (0 = an operator or internal source).</summary>
    public long SessionId;

    /// <summary>The sender's id for this request, returned with its events.</summary>
    public long CorrelationId;
}
