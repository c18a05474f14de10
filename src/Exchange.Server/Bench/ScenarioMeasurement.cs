using System.Diagnostics;
using System.Runtime;
using System.Runtime.CompilerServices;
using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Matching;
using HdrHistogram;

namespace Exchange.Server.Bench;

/// <summary>Measures a generated workload: a throughput run (no per-command timing) and a latency run
/// (a timestamp before and after every <c>Process</c> call into an HdrHistogram), each on a fresh, pre-sized
/// engine that first replays the setup and warmup commands unmeasured.</summary>
internal static class ScenarioMeasurement
{
    private const int TimerOverheadSamples = 1_000_000;

    /// <summary>How far ahead the replay loops bring commands into the cache (see <see cref="MatchingEngine.PrefetchCommand"/>):
    /// far enough that each command is loaded before <see cref="MatchingEngine.PrefetchAhead"/> first reads it.</summary>
    private const int CommandPrefetchDistance = 16;

    /// <param name="workload">The generated command stream.</param>
    /// <param name="shards">Engines to spread the workload's instruments over (<see cref="WorkloadShards"/>), each
    /// on its own thread as the exchange runs one engine thread per shard; 1 = the whole workload on this thread.</param>
    public static ScenarioResult Measure(GeneratedWorkload workload, int shards = 1)
    {
        var parts = shards == 1 ? [workload] : WorkloadShards.Split(workload, shards);
        RunFigures throughput, latency;
        MatchingEngine[] engines;
        if (parts.Length == 1)
        {
            throughput = RunThroughput(parts[0]);
            latency = RunLatency(parts[0], out var engine);
            engines = [engine];
        }
        else
        {
            throughput = RunSharded(parts, timed: false, out _);
            latency = RunSharded(parts, timed: true, out engines);
        }
        if (throughput.Events != latency.Events)
        {
            throw new InvalidOperationException($"Runs disagree: {throughput.Events} vs {latency.Events} events.");
        }

        double ticksToNanos = 1e9 / Stopwatch.Frequency;
        long Ns(long ticks) => (long)Math.Round(ticks * ticksToNanos);
        var histogram = latency.Histogram!;
        var stats = workload.MeasuredStatistics;
        int commands = workload.MeasuredCount;
        return new ScenarioResult
        {
            Scenario = workload.Scenario,
            Shards = parts.Length,
            Seed = workload.Seed,
            SetupCommands = workload.WarmupStart,
            WarmupCommands = workload.WarmupCount,
            Commands = commands,
            CommandsPerSec = commands / throughput.Seconds,
            AllocatedBytesPerCommand = (double)throughput.AllocatedBytes / commands,
            Gen0 = throughput.Gen0,
            Gen1 = throughput.Gen1,
            Gen2 = throughput.Gen2,
            P50Ns = Ns(histogram.GetValueAtPercentile(50)),
            P99Ns = Ns(histogram.GetValueAtPercentile(99)),
            P999Ns = Ns(histogram.GetValueAtPercentile(99.9)),
            P9999Ns = Ns(histogram.GetValueAtPercentile(99.99)),
            MaxNs = Ns(latency.MaxTicks),
            MeanNs = histogram.GetMean() * ticksToNanos,
            TimerOverheadNs = Ns(MeasureTimerOverhead()),
            LatencyRunAllocatedBytesPerCommand = (double)latency.AllocatedBytes / commands,
            LatencyRunGen0 = latency.Gen0,
            LatencyRunGen1 = latency.Gen1,
            LatencyRunGen2 = latency.Gen2,
            Events = throughput.Events,
            Trades = stats.Trades,
            Rejected = stats.Rejected,
            ShareGtc = stats.Share(CommandKind.Gtc),
            ShareIoc = stats.Share(CommandKind.Ioc),
            ShareMarket = stats.Share(CommandKind.Market),
            ShareCancel = stats.Share(CommandKind.Cancel),
            ShareReplace = stats.Share(CommandKind.Replace),
            RestingOrdersAtEnd = engines.Sum(e => e.LiveOrderCount),
            LevelsAtEnd = engines.Sum(e => CountLevels(e, workload.EngineOptions.LevelCapacity)),
        };
    }

    private static RunFigures RunThroughput(GeneratedWorkload workload)
    {
        var engine = PrepareEngine(workload);
        var before = GcSnapshot.Take();
        long start = Stopwatch.GetTimestamp();
        long events = ReplayUntimed(engine, workload.Commands, workload.MeasuredStart, workload.Commands.Length);
        long end = Stopwatch.GetTimestamp();
        var after = GcSnapshot.Take();
        GC.KeepAlive(engine);
        return new RunFigures(events, (end - start) / (double)Stopwatch.Frequency, after.AllocatedBytes - before.AllocatedBytes,
            after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2, Histogram: null, MaxTicks: 0);
    }

    private static RunFigures RunLatency(GeneratedWorkload workload, out MatchingEngine engine)
    {
        engine = PrepareEngine(workload);
        // Ticks; up to 10 s with 3 significant digits. Allocated here, before the measured loop.
        var histogram = new LongHistogram(Stopwatch.Frequency * 10, 3);
        var before = GcSnapshot.Take();
        long events = ReplayTimed(engine, workload.Commands, workload.MeasuredStart, workload.Commands.Length, histogram, out long maxTicks);
        var after = GcSnapshot.Take();
        return new RunFigures(events, 0, after.AllocatedBytes - before.AllocatedBytes,
            after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2, histogram, maxTicks);
    }

    /// <summary>Every shard's measured loop on a thread of its own, all released together: the seconds from the release
    /// until the last one finishes; allocated bytes summed over the threads, collections counted for the process; with
    /// <paramref name="timed"/> the latency of every command of every shard in one histogram.</summary>
    private static RunFigures RunSharded(GeneratedWorkload[] parts, bool timed, out MatchingEngine[] engines)
    {
        var prepared = parts.Select(PrepareEngine).ToArray();
        engines = prepared;
        var histograms = timed ? parts.Select(_ => new LongHistogram(Stopwatch.Frequency * 10, 3)).ToArray() : [];
        var events = new long[parts.Length];
        var allocated = new long[parts.Length];
        var maxTicks = new long[parts.Length];
        var ends = new long[parts.Length];
        var failures = new Exception?[parts.Length];
        using var release = new Barrier(parts.Length + 1);
        var threads = new Thread[parts.Length];
        for (int s = 0; s < parts.Length; s++)
        {
            int shard = s;
            threads[s] = new Thread(() =>
            {
                var engine = prepared[shard];
                var commands = parts[shard].Commands;
                int from = parts[shard].MeasuredStart;
                release.SignalAndWait();
                try
                {
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    events[shard] = timed
                        ? ReplayTimed(engine, commands, from, commands.Length, histograms[shard], out maxTicks[shard])
                        : ReplayUntimed(engine, commands, from, commands.Length);
                    ends[shard] = Stopwatch.GetTimestamp();
                    allocated[shard] = GC.GetAllocatedBytesForCurrentThread() - before;
                }
                catch (Exception e)
                {
                    failures[shard] = e; // rethrown on the measuring thread, as a single-engine run would throw
                }
            })
            { Name = $"bench shard {s}", IsBackground = true };
            threads[s].Start();
        }
        var gcBefore = GcSnapshot.Take();
        release.SignalAndWait();
        long start = Stopwatch.GetTimestamp();
        foreach (var thread in threads)
        {
            thread.Join();
        }
        var gcAfter = GcSnapshot.Take();
        if (failures.FirstOrDefault(f => f is not null) is { } failure)
        {
            throw new InvalidOperationException("A shard's measured loop failed.", failure);
        }
        for (int s = 1; s < histograms.Length; s++)
        {
            histograms[0].Add(histograms[s]);
        }
        return new RunFigures(events.Sum(), (ends.Max() - start) / (double)Stopwatch.Frequency, allocated.Sum(),
            gcAfter.Gen0 - gcBefore.Gen0, gcAfter.Gen1 - gcBefore.Gen1, gcAfter.Gen2 - gcBefore.Gen2,
            timed ? histograms[0] : null, maxTicks.Max());
    }

    /// <summary>A fresh engine with the workload's pool sizes, brought to the measured phase's starting state.</summary>
    private static MatchingEngine PrepareEngine(GeneratedWorkload workload)
    {
        var engine = new MatchingEngine(workload.EngineOptions);
        ReplayUntimed(engine, workload.Commands, 0, workload.MeasuredStart);
        // Start the measured loop with a clean heap so earlier garbage (generation, previous runs) is not collected inside it.
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return engine;
    }

    // The events are consumed by counting them, which keeps the call observable at almost no cost.
    // The loops are called only a few times, so tiering would run them as on-stack-replacement code:
    // compile them fully optimised up front instead (the engine itself tiers up normally during warmup).
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static long ReplayUntimed(MatchingEngine engine, Command[] commands, int from, int to)
    {
        long events = 0;
        for (int i = from; i < to; i++)
        {
            PrefetchAhead(engine, commands, i, to);
            events += engine.Process(in commands[i]).Length;
        }
        return events;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static long ReplayTimed(MatchingEngine engine, Command[] commands, int from, int to, LongHistogram histogram, out long maxTicks)
    {
        long events = 0;
        long max = 0;
        for (int i = from; i < to; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            PrefetchAhead(engine, commands, i, to);
            int count = engine.Process(in commands[i]).Length;
            long elapsed = Stopwatch.GetTimestamp() - t0;
            events += count;
            histogram.RecordValue(elapsed);
            max = Math.Max(max, elapsed);
        }
        maxTicks = max;
        return events;
    }

    /// <summary>Lets the engine start loading what the coming commands will touch (engine side:
    /// <c>MatchingEngine.Prefetch.cs</c>), as the pipeline's engine stage does with the commands already in its ring.
    /// Inside the timed bracket in the latency run: it is part of the engine thread's work per command.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PrefetchAhead(MatchingEngine engine, Command[] commands, int i, int to)
    {
        int ahead = i + MatchingEngine.PrefetchDistance;
        if (ahead < to)
        {
            engine.PrefetchAhead(in commands[ahead]);
        }
        if (i + CommandPrefetchDistance < to)
        {
            MatchingEngine.PrefetchCommand(in commands[i + CommandPrefetchDistance]);
        }
    }

    /// <summary>Median of two back-to-back timestamp reads, in ticks.</summary>
    private static long MeasureTimerOverhead()
    {
        var histogram = new LongHistogram(Stopwatch.Frequency, 3);
        for (int i = 0; i < TimerOverheadSamples; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            histogram.RecordValue(Stopwatch.GetTimestamp() - t0);
        }
        return histogram.GetValueAtPercentile(50);
    }

    private static int CountLevels(MatchingEngine engine, int capacity)
    {
        var levels = new PriceLevelInfo[capacity];
        int total = 0;
        foreach (var instrument in engine.Instruments)
        {
            total += engine.GetDepth(instrument.Symbol, Side.Buy, levels);
            total += engine.GetDepth(instrument.Symbol, Side.Sell, levels);
        }
        return total;
    }
}
