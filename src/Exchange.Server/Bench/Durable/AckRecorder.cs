using System.Diagnostics;
using Exchange.Server.Pipeline;

namespace Exchange.Server.Bench.Durable;

/// <summary>Records, per correlation id, when a command's last event left the responder (i.e. was acknowledged
/// after being durable). Allocation-free on the responder thread.</summary>
internal sealed class AckRecorder(int capacity) : IEventListener
{
    public const long Session = 77;

    private long _acknowledged;

    public long[] AckTimestamps { get; } = new long[capacity];

    public long Acknowledged => Volatile.Read(ref _acknowledged);

    public void OnEvent(in OutboundSlot slot)
    {
        if (slot.SessionId == Session && slot.LastOfCommand)
        {
            AckTimestamps[slot.CorrelationId] = Stopwatch.GetTimestamp();
            Interlocked.Increment(ref _acknowledged);
        }
    }
}
