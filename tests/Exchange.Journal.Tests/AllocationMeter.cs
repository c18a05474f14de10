namespace Exchange.Journal.Tests;

/// <summary>Measures what a piece of steady-state work allocates on the calling thread.</summary>
internal static class AllocationMeter
{
    /// <summary>Runs <paramref name="work"/> a few times to warm up (JIT tiering and on-stack replacement can
    /// allocate while a method is still being optimised), then returns the fewest bytes one run allocated.</summary>
    public static long SteadyStateBytes(Action work)
    {
        for (int i = 0; i < 5; i++)
        {
            work();
        }
        long fewest = long.MaxValue;
        for (int i = 0; i < 3; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            work();
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return fewest;
    }
}
