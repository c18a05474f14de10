using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Exchange.Journal;
using Exchange.Sequencing;

namespace Exchange.Server.Bench.Durable;

/// <summary>`exchange bench-durable`: the journal, the durable pipeline and recovery on this machine's disk
/// (docs/benchmarks.md, "Durable pipeline").</summary>
internal static class DurableBenchCommand
{
    public static Command Create()
    {
        var directory = new Option<string?>("--dir") { Description = "Where to write (on the disk to measure). Default: a new folder under the temp directory, deleted afterwards." };
        var commands = new Option<int>("--commands") { Description = "Measured commands per pipeline run.", DefaultValueFactory = _ => 2_000_000 };
        var json = new Option<bool>("--json") { Description = "Print a JSON array instead of a table." };
        var wait = new Option<WaitStrategyKind>("--wait-strategy") { Description = "Wait strategy of the pipeline's rings.", DefaultValueFactory = _ => WaitStrategyKind.Blocking };
        var part = new Option<string>("--part") { Description = "journal|pipeline|latency|recovery|all (latency: the fsync probe and the 100k/s run only)", DefaultValueFactory = _ => "all" };
        part.AcceptOnlyFromAmong("journal", "pipeline", "latency", "recovery", "all");
        var scenario = new Option<string>("--scenario") { Description = "Workload the pipeline runs carry (a scenario of `exchange bench`).", DefaultValueFactory = _ => "standard" };
        scenario.AcceptOnlyFromAmong(ScenarioCatalog.Names);
        var command = new Command("bench-durable", "Benchmark the journal, the durable pipeline and recovery.") { directory, commands, json, part, wait, scenario };
        command.SetAction(parseResult => Run(parseResult.GetValue(directory), parseResult.GetValue(commands), parseResult.GetValue(json), parseResult.GetValue(part)!, parseResult.GetValue(wait), parseResult.GetValue(scenario)!));
        return command;
    }

    private static int Run(string? directory, int commands, bool json, string part, WaitStrategyKind wait, string scenario)
    {
        var workload = ScenarioCatalog.Select(scenario)![0];
        bool temporary = directory is null;
        directory ??= Path.Combine(Path.GetTempPath(), "exchange-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var results = new List<DurableFigures>();
        void Add(DurableFigures f)
        {
            results.Add(f);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{f.Name,-28} {f.Count,12:N0} {f.PerSecond,14:N0}/s {f.MegabytesPerSecond,8:F1} MB/s  p50 {f.P50Ns / 1000.0,9:F1} µs  p99 {f.P99Ns / 1000.0,9:F1} µs  p99.9 {f.P999Ns / 1000.0,9:F1} µs  max {f.MaxNs / 1000.0,9:F1} µs  {f.Note}"));
        }
        try
        {
            bool all = part == "all";
            var probes = new List<DurableFigures>();
            if (all || part != "recovery")
            {
                // The disk's own figures first, in the same minute as the runs they are compared with.
                probes.Add(FsyncProbe.Run(directory, 2_000, prewritten: false));
                probes.Add(FsyncProbe.Run(directory, 2_000, prewritten: true));
                probes.ForEach(Add);
            }
            if (all || part == "journal")
            {
                Add(FsyncProbe.Run(directory, 2_000, prewritten: false, dataOnly: false));
                Add(FsyncProbe.Run(directory, 2_000, prewritten: true, dataOnly: false));
                foreach (var f in JournalBenchmark.Run(directory, TimeSpan.FromSeconds(2)))
                {
                    Add(f);
                }
            }
            string pipelineDirectory = Path.Combine(directory, "pipeline-fsync-max");
            void AddPipeline(string name, int count, DurabilityMode durability, int rate)
            {
                var (acks, fdatasync, breakdown) = PipelineBenchmark.Run(Path.Combine(directory, name), count, durability, rate, seed: 1, wait, workload: workload);
                if (rate > 0 && fdatasync.Count > 0)
                {
                    acks = acks with { Note = acks.Note + "; " + TargetNote(acks, fdatasync, probes) };
                }
                Add(acks);
                if (fdatasync.Count > 0)
                {
                    Add(fdatasync);
                    Console.Error.WriteLine($"{acks.Name}: {breakdown}");
                }
            }
            if (all || part == "pipeline" || part == "recovery")
            {
                AddPipeline("pipeline-fsync-max", commands, DurabilityMode.Fsync, 0);
            }
            if (all || part == "pipeline")
            {
                AddPipeline("pipeline-none-max", commands, DurabilityMode.None, 0);
            }
            if (all || part == "pipeline" || part == "latency")
            {
                AddPipeline("pipeline-fsync-100k", Math.Min(commands, 1_000_000), DurabilityMode.Fsync, 100_000);
            }
            if (all || part == "recovery")
            {
                foreach (var f in RecoveryBenchmark.Run(pipelineDirectory, Path.Combine(directory, "recovery"), seed: 1))
                {
                    Add(f);
                }
            }
        }
        finally
        {
            if (temporary)
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(results, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
        }
        return 0;
    }

    /// <summary>Issue 3's target, p99 acknowledgement ≤ 2 × the disk's fsync p99, against each fsync figure of this run.</summary>
    private static string TargetNote(DurableFigures acks, DurableFigures fdatasync, List<DurableFigures> probes)
    {
        var line = new System.Text.StringBuilder("p99 ack = ");
        line.Append(CultureInfo.InvariantCulture, $"{(double)acks.P99Ns / fdatasync.P99Ns:F2} × the journal's own fdatasync p99 in this run ({fdatasync.P99Ns / 1000.0:F0} µs)");
        foreach (var probe in probes)
        {
            line.Append(CultureInfo.InvariantCulture, $", {(double)acks.P99Ns / probe.P99Ns:F2} × {probe.Name} p99 ({probe.P99Ns / 1000.0:F0} µs)");
        }
        return line.Append(" (target ≤ 2)").ToString();
    }
}
