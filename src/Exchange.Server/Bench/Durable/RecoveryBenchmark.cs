using System.Diagnostics;
using Exchange.Server.Configuration;
using Exchange.Server.Replay;

namespace Exchange.Server.Bench.Durable;

/// <summary>Recovery: the journal replay rate (a full verified replay of a shard's journal), and restarting an
/// exchange holding 1M resting orders, from a final snapshot (clean stop) and from a periodic snapshot plus
/// the journal tail after it (crash).</summary>
internal static class RecoveryBenchmark
{
    public static IEnumerable<DurableFigures> Run(string pipelineDirectory, string directory, int seed)
    {
        var empty = DurableFigures.NewHistogram();
        var replay = JournalVerifier.Verify(ExchangeNode.ShardDirectory(pipelineDirectory, 0));
        yield return DurableFigures.From("journal replay (verified)", replay.Records, replay.Duration.TotalSeconds,
            replay.Records * (double)JournalBenchmark.RecordBytes / 1e6, empty, $"{replay.LiveOrders:N0} live orders at the end");

        // 1M resting orders, then 100k standard commands after the last periodic snapshot.
        var generated = new DeepWorkload().Generate(warmupCommands: 0, measuredCommands: 100_000, seed);
        // Risk stays off: the workload's accounts are not funded, and with risk on nearly every order would be refused
        // (the book would hold ~1k orders instead of 1M).
        var config = new ExchangeConfig
        {
            DataDirectory = directory, Instruments = [], RiskEnabled = false, SnapshotEveryCommands = generated.MeasuredStart,
        };
        var recorder = new AckRecorder(generated.Commands.Length);
        var node = ExchangeNode.Start(config, [recorder]);
        var pipeline = node.Shards[0].Pipeline;
        for (int i = 0; i < generated.Commands.Length; i++)
        {
            PipelineBenchmark.Submit(pipeline, generated.Commands, i);
        }
        PipelineBenchmark.WaitForAcks(recorder, generated.Commands.Length);
        // Let the shadow engine finish its periodic snapshot (it runs behind the journal), then crash.
        var store = new Journal.Snapshots.SnapshotStore(Path.Combine(ExchangeNode.ShardDirectory(directory, 0), "snapshots"));
        var waited = Stopwatch.StartNew();
        while (store.List().Count == 0 && waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            Thread.Sleep(10);
        }
        node.Crash(); // no final snapshot: recovery = the periodic snapshot + the journal tail
        // As an operator sees it: fresh `exchange serve` processes, process start to ready.
        var (afterCrash, crashLine) = ServeRestart.Measure(directory);
        yield return DurableFigures.From("serve restart after crash", generated.Commands.Length - generated.MeasuredStart,
            afterCrash.TotalSeconds, 0, empty, $"snapshot + 100k journal records; process start to ready {afterCrash.TotalMilliseconds:F0} ms; {crashLine}");
        var (afterStop, stopLine) = ServeRestart.Measure(directory); // the first one stopped cleanly (final snapshot)
        yield return DurableFigures.From("serve restart after clean stop", 0, afterStop.TotalSeconds, 0, empty,
            $"final snapshot; process start to ready {afterStop.TotalMilliseconds:F0} ms; {stopLine}");
        // Inside this process (its heap holds the generated workload), for comparison with earlier figures.
        var watch = Stopwatch.StartNew();
        using (var again = ExchangeNode.Start(config))
        {
            watch.Stop();
            var r = again.Recovery;
            yield return DurableFigures.From("restart after clean stop, in process", r.LiveOrders, watch.Elapsed.TotalSeconds, 0, empty,
                $"{r.LiveOrders:N0} resting orders from the final snapshot, {r.ReplayedRecords:N0} records replayed, {watch.Elapsed.TotalMilliseconds:F0} ms");
        }
    }
}
