using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Exchange.Server.Tests.Gateways.Binary;

/// <summary>Collects the runtime's allocation samples (GCAllocationTick: about one per 100 KB allocated, with the
/// type that crossed the threshold) while it is alive: a cheap way to see which types a code path allocates.</summary>
internal sealed class AllocationSampler : EventListener
{
    public ConcurrentDictionary<string, int> Types { get; } = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) == true && e.PayloadNames is { } names)
        {
            int i = names.IndexOf("TypeName");
            Types.AddOrUpdate(i >= 0 ? e.Payload?[i]?.ToString() ?? "?" : "?", 1, (_, n) => n + 1);
        }
    }
}
