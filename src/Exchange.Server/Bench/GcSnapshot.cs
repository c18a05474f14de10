namespace Exchange.Server.Bench;

/// <summary>The current thread's allocated bytes and the process's collection counts at one moment.</summary>
internal readonly record struct GcSnapshot(long AllocatedBytes, int Gen0, int Gen1, int Gen2)
{
    public static GcSnapshot Take() => new(
        GC.GetAllocatedBytesForCurrentThread(),
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2));
}
