using Exchange.Core.Matching;
using Exchange.Sequencing;

namespace Exchange.Server.Pipeline;

/// <summary>The engine thread's handler: applies each inbound command to the engine and publishes its events,
/// tagged with the command's sequence, to the outbound ring. The single writer of the engine.</summary>
public sealed class EngineStage(MatchingEngine engine, RingBuffer<InboundSlot> inbound, RingBuffer<OutboundSlot> outbound)
    : IEventHandler<InboundSlot>, IBatchStartAware
{
    private volatile bool _halted;

    /// <summary>The last inbound sequence known to be published (the current batch's end).</summary>
    private long _lastAvailable = -1;

    /// <summary>The last inbound sequence given to <see cref="MatchingEngine.PrefetchAhead"/>.</summary>
    private long _prefetched = -1;

    public MatchingEngine Engine => engine;

    /// <summary>Stops waiting for room in the outbound ring (shutdown after a fault).</summary>
    public void Halt() => _halted = true;

    public void OnBatchStart(long lastAvailable) => _lastAvailable = lastAvailable;

    public void OnEvent(ref InboundSlot data, long sequence, bool endOfBatch)
    {
        // Let the engine start loading what a coming command will touch (a hint only): the one PrefetchDistance
        // ahead, or the furthest published one, each command at most once. Under load the ring holds many
        // published commands and every call gives the engine a new one at the full distance.
        long ahead = PrefetchTarget(sequence, _lastAvailable, _prefetched);
        if (ahead >= 0)
        {
            engine.PrefetchAhead(in inbound[ahead].Command);
            _prefetched = ahead;
        }
        var events = engine.Process(in data.Command);
        if (events.Length == 0)
        {
            if (!Claim(1, out long s))
            {
                return;
            }
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
            if (!Claim(n, out long high))
            {
                return;
            }
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

    /// <summary>The inbound sequence to give <see cref="MatchingEngine.PrefetchAhead"/> while processing
    /// <paramref name="sequence"/>: <see cref="MatchingEngine.PrefetchDistance"/> ahead or the last published one, if
    /// it is past both the command processed and the last one given; otherwise −1.</summary>
    internal static long PrefetchTarget(long sequence, long lastAvailable, long prefetched)
    {
        long ahead = Math.Min(sequence + MatchingEngine.PrefetchDistance, lastAvailable);
        return ahead > sequence && ahead > prefetched ? ahead : -1;
    }

    /// <summary>Claims outbound slots, waiting while the responder is a full ring behind (back-pressure on the
    /// engine, which in turn fills the inbound ring and refuses producers). False only when halted.</summary>
    private bool Claim(int n, out long high)
    {
        var spin = new SpinWait();
        while (!outbound.Sequencer.TryNext(n, out high))
        {
            if (_halted)
            {
                return false;
            }
            spin.SpinOnce();
        }
        return true;
    }

    private static void Tag(ref OutboundSlot slot, ref InboundSlot data, long sequence, bool last)
    {
        slot.CommandSequence = sequence;
        slot.SessionId = data.SessionId;
        slot.CorrelationId = data.CorrelationId;
        slot.LastOfCommand = last;
    }
}
