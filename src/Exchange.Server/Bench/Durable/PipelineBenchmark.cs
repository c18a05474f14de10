using System.Diagnostics;
using Exchange.Journal;
using Exchange.Journal.Storage;
using Exchange.Sequencing;
using Exchange.Server.Configuration;

namespace Exchange.Server.Bench.Durable;

/// <summary>The whole durable pipeline in process: one producer thread submits a workload (`standard` unless told), the
/// engine and the journal (group commit, fdatasync in <see cref="DurabilityMode.Fsync"/>) run on their own
/// threads, and a listener timestamps each acknowledgement (released only once durable). Either as fast as
/// possible (latency then mostly queueing), or open loop at a fixed rate sent in ~1 ms bursts, latency from
/// each command's send to its acknowledgement.</summary>
internal static class PipelineBenchmark
{
    /// <summary>Runs the pipeline; returns its figures and those of the journal's own fdatasync calls during the run
    /// (measured commands only), and where each command's latency went (<see cref="AckBreakdown"/>).</summary>
    public static (DurableFigures Acks, DurableFigures Fdatasync, string Breakdown) Run(string directory, int commands, DurabilityMode durability,
        int ratePerSecond, int seed, WaitStrategyKind waitStrategy = WaitStrategyKind.Blocking, long snapshotEvery = 1_000_000,
        IWorkload? workload = null)
    {
        var generated = (workload ?? new StandardWorkload()).Generate(warmupCommands: 200_000, measuredCommands: commands, seed);
        var all = generated.Commands;
        var recorder = new AckRecorder(all.Length);
        var config = new ExchangeConfig
        {
            DataDirectory = directory,
            Durability = durability,
            Instruments = [],
            WaitStrategy = waitStrategy,
            SnapshotEveryCommands = snapshotEvery,
            PruneJournal = false, // the recovery benchmark replays this whole journal
        };
        // Shard 0's journal files, timed: the same files the node would open itself.
        var files = new FileJournalStorage(Path.Combine(ExchangeNode.ShardDirectory(directory, 0), "journal"));
        var storage = new TimedJournalStorage(files);
        using var node = ExchangeNode.Start(config, [recorder], storage: storage);
        // As ShardNode does with its own journal files; the journal thread is idle until the first submission.
        files.KeepSpareSegment(config.JournalSegmentBytes);
        var pipeline = node.Shards[0].Pipeline;

        // Set-up and warm-up, unmeasured.
        int measuredStart = generated.MeasuredStart;
        for (int i = 0; i < measuredStart; i++)
        {
            Submit(pipeline, all, i);
        }
        WaitForAcks(recorder, measuredStart);

        storage.Reset(); // the warm-up's flushes are not the run's
        var submitted = new long[all.Length];
        var pausedBefore = GC.GetTotalPauseDuration();
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        long start = Stopwatch.GetTimestamp();
        double ticksPerCommand = ratePerSecond > 0 ? (double)Stopwatch.Frequency / ratePerSecond : 0;
        for (int i = measuredStart; i < all.Length; i++)
        {
            if (ratePerSecond > 0)
            {
                // Open loop at the rate, in bursts: sleep ~1 ms, then send everything due by now. The producer
                // never waits for answers, so a stall in the exchange cannot slow the sending (no coordinated
                // omission); latency is measured from the actual send, the sleep being the generator's own lag.
                long intended = start + (long)((i - measuredStart) * ticksPerCommand);
                if (Stopwatch.GetTimestamp() < intended)
                {
                    Thread.Sleep(1);
                }
            }
            submitted[i] = Stopwatch.GetTimestamp();
            Submit(pipeline, all, i);
        }
        WaitForAcks(recorder, all.Length);
        long end = recorder.AckTimestamps.AsSpan(measuredStart).ToArray().Max();
        string collections = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"GC during the run: {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2} (gen 0/1/2), paused {(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds:F1} ms");

        var latency = DurableFigures.NewHistogram();
        for (int i = measuredStart; i < all.Length; i++)
        {
            DurableFigures.RecordInterval(latency, submitted[i], recorder.AckTimestamps[i]);
        }
        node.Stop();
        files.Dispose();
        string breakdown = AckBreakdown.Describe(submitted, recorder.AckTimestamps, measuredStart, all.Length, storage);
        var flushes = storage.Flushes;
        double seconds = (end - start) / (double)Stopwatch.Frequency;
        string name = $"pipeline {durability.ToString().ToLowerInvariant()} " + (ratePerSecond > 0 ? $"at {ratePerSecond:N0}/s" : "max");
        var acks = DurableFigures.From(name, commands, seconds, commands * (double)JournalBenchmark.RecordBytes / 1e6, latency,
            "latency = send → acknowledgement after durable");
        var fdatasync = DurableFigures.From($"{name}: journal fdatasync", flushes.TotalCount, seconds, 0, flushes,
            $"latency = the journal's own fdatasync calls in this run (write not included; {commands / Math.Max(1.0, flushes.TotalCount):F0} commands per flush)");
        return (acks, fdatasync, breakdown + "; " + collections);
    }

    /// <summary>Submits command <paramref name="i"/>, waiting (spinning) while the ring is full.</summary>
    public static void Submit(Pipeline.ExchangePipeline pipeline, Core.Commands.Command[] all, int i)
    {
        var spin = new SpinWait();
        while (!pipeline.TrySubmit(in all[i], AckRecorder.Session, i, out _))
        {
            spin.SpinOnce(sleep1Threshold: -1); // back-pressure: the ring is full
        }
    }

    /// <summary>Waits until <paramref name="count"/> commands were acknowledged (at most 5 minutes).</summary>
    public static void WaitForAcks(AckRecorder recorder, long count)
    {
        var deadline = Stopwatch.StartNew();
        while (recorder.Acknowledged < count)
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"only {recorder.Acknowledged} of {count} commands acknowledged");
            }
            Thread.Sleep(1);
        }
    }
}
