using Exchange.Journal;
using Exchange.Sequencing;

namespace Exchange.Server.Pipeline;

/// <summary>The journal thread's handler: appends every inbound command and group-commits at the end of each
/// batch. The processor running it advances its sequence only after the flush returns, so that sequence is
/// the pipeline's durable sequence: the responder releases nothing beyond it. After each commit it wakes the
/// responder through the <see cref="DurabilityGate"/>.</summary>
/// <remarks>Journal sequence = ring sequence + <paramref name="journalBase"/> (the journal's next sequence
/// when the pipeline started, so the journal stays gap-free across restarts).</remarks>
public sealed class JournalStage(JournalWriter writer, long journalBase, DurabilityGate gate) : IEventHandler<InboundSlot>
{
    public void OnEvent(ref InboundSlot data, long sequence, bool endOfBatch)
    {
        writer.Append(in data.Command, sequence + journalBase);
        if (endOfBatch)
        {
            writer.Flush();
            gate.Signal();
        }
    }
}
