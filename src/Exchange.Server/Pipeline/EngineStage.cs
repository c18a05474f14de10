using Exchange.Core.Matching;
using Exchange.Sequencing;

namespace Exchange.Server.Pipeline;

/// <summary>The engine thread's handler: applies each inbound command to the engine and publishes its events,
/// tagged with the command's sequence, to the outbound ring. The single writer of the engine.</summary>
public sealed class EngineStage(MatchingEngine engine, RingBuffer<OutboundSlot> outbound) : IEventHandler<InboundSlot>
{
    public MatchingEngine Engine => engine;

    public void OnEvent(ref InboundSlot data, long sequence, bool endOfBatch)
    {
        var events = engine.Process(in data.Command);
        if (events.Length == 0)
        {
            long s = outbound.Next();
            ref var slot = ref outbound[s];
            slot.Event = default;
            Tag(ref slot, ref data, sequence, last: true);
            outbound.Publish(s);
            return;
        }
        // Publish in chunks no larger than half the ring, so a huge mass cancel cannot wait for itself.
        int chunk = Math.Max(1, outbound.BufferSize / 2);
        for (int start = 0; start < events.Length; start += chunk)
        {
            int n = Math.Min(chunk, events.Length - start);
            long high = outbound.Sequencer.Next(n);
            long low = high - n + 1;
            for (int i = 0; i < n; i++)
            {
                ref var slot = ref outbound[low + i];
                slot.Event = events[start + i];
                Tag(ref slot, ref data, sequence, last: start + i == events.Length - 1);
            }
            outbound.Sequencer.Publish(low, high);
        }
    }

    private static void Tag(ref OutboundSlot slot, ref InboundSlot data, long sequence, bool last)
    {
        slot.CommandSequence = sequence;
        slot.SessionId = data.SessionId;
        slot.CorrelationId = data.CorrelationId;
        slot.LastOfCommand = last;
    }
}
