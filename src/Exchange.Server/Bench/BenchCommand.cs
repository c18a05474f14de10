using System.CommandLine;

namespace Exchange.Server.Bench;

/// <summary>`exchange bench`: in-process engine throughput and latency on seeded workloads (docs/benchmarks.md).</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var scenario = new Option<string>("--scenario")
        {
            Description = "Workload: " + string.Join('|', ScenarioCatalog.Names) + "|" + ScenarioCatalog.All + ".",
            DefaultValueFactory = _ => "standard",
        };
        scenario.AcceptOnlyFromAmong([.. ScenarioCatalog.Names, ScenarioCatalog.All]);
        var json = new Option<bool>("--json") { Description = "Print JSON (an object per scenario; an array for 'all') instead of a table." };
        var commands = new Option<int>("--commands")
        {
            Description = "Measured commands per run.",
            DefaultValueFactory = _ => 5_000_000,
        };
        var warmup = new Option<int>("--warmup")
        {
            Description = "Steady-state commands replayed unmeasured before the measured ones (JIT tiering, caches).",
            DefaultValueFactory = _ => 1_000_000,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the workload generator: same seed, same command stream.",
            DefaultValueFactory = _ => 1,
        };

        var rounds = new Option<int>("--rounds")
        {
            Description = "Measure the selected scenarios this many times, interleaved (all generated first), and print each scenario's throughput against standard's of the same round, with the median.",
            DefaultValueFactory = _ => 1,
        };
        var risk = new Option<bool>("--risk")
        {
            Description = "Accounts and pre-trade risk on: every account funded, fees and limits set (none trips); same events as without (docs/risk.md).",
        };
        var shards = new Option<int>("--shards")
        {
            Description = $"Spread each scenario's instruments over this many engines, one thread each, as the exchange runs one engine thread per shard (1-{MaxShards}; a one-instrument scenario stays on one).",
            DefaultValueFactory = _ => 1,
        };
        var command = new Command("bench", "Benchmark the matching engine in-process on a seeded workload.")
        {
            scenario, json, commands, warmup, seed, rounds, risk, shards,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(scenario)!,
            parseResult.GetValue(json),
            parseResult.GetValue(commands),
            parseResult.GetValue(warmup),
            parseResult.GetValue(seed),
            parseResult.GetValue(rounds),
            parseResult.GetValue(risk),
            parseResult.GetValue(shards)));
        return command;
    }

    /// <summary>Most engines `--shards` takes: far more threads than cores would measure the scheduler.</summary>
    public const int MaxShards = 64;

    private static int Run(string scenario, bool json, int commands, int warmup, int seed, int rounds, bool risk, int shards)
    {
        if (commands <= 0 || warmup < 0 || rounds <= 0)
        {
            Console.Error.WriteLine("--commands and --rounds must be positive and --warmup not negative.");
            return 2;
        }
        if (shards is < 1 or > MaxShards)
        {
            Console.Error.WriteLine($"--shards must be between 1 and {MaxShards}.");
            return 2;
        }
        var workloads = ScenarioCatalog.Select(scenario);
        if (workloads is null)
        {
            Console.Error.WriteLine($"Unknown scenario '{scenario}'.");
            return 2;
        }

        if (!EngineBuild.IsOptimized)
        {
            Console.Error.WriteLine("warning: Exchange.Core is a Debug build; measure a Release build (dotnet run -c Release, or ./exchange).");
        }
        if (rounds > 1)
        {
            return RunRounds(workloads, json, commands, warmup, seed, rounds, risk, shards);
        }
        var results = new List<ScenarioResult>();
        foreach (var workload in workloads)
        {
            var generated = Generate(workload, commands, warmup, seed, risk);
            Console.Error.WriteLine($"{workload.Name}: measuring...");
            results.Add(ScenarioMeasurement.Measure(generated, shards));
        }

        if (json)
        {
            using var stdout = Console.OpenStandardOutput();
            ResultJsonWriter.Write(stdout, results, asArray: scenario == ScenarioCatalog.All);
            stdout.WriteByte((byte)'\n');
        }
        else
        {
            ResultTableWriter.Write(Console.Out, results);
        }
        return 0;
    }

    /// <summary>`--rounds N`: every workload generated first (so the rounds measure back to back), then measured round
    /// after round in the same order; each round's table, then the ratios to standard.</summary>
    private static int RunRounds(IReadOnlyList<IWorkload> workloads, bool json, int commands, int warmup, int seed, int rounds, bool risk, int shards)
    {
        var generated = workloads.Select(w => Generate(w, commands, warmup, seed, risk)).ToArray();
        var results = new List<IReadOnlyList<ScenarioResult>>();
        for (int round = 1; round <= rounds; round++)
        {
            var measured = new List<ScenarioResult>();
            foreach (var workload in generated)
            {
                Console.Error.WriteLine($"{workload.Scenario}: measuring, round {round} of {rounds}...");
                measured.Add(ScenarioMeasurement.Measure(workload, shards));
            }
            results.Add(measured);
        }
        var ratios = RoundRatios.Compute(results);
        if (json)
        {
            using var stdout = Console.OpenStandardOutput();
            ResultJsonWriter.WriteRounds(stdout, results, ratios);
            stdout.WriteByte((byte)'\n');
        }
        else
        {
            for (int round = 0; round < results.Count; round++)
            {
                Console.Out.WriteLine($"round {round + 1} of {results.Count}");
                ResultTableWriter.Write(Console.Out, results[round]);
                Console.Out.WriteLine();
            }
            ResultTableWriter.WriteRatios(Console.Out, ratios);
        }
        return 0;
    }

    private static GeneratedWorkload Generate(IWorkload workload, int commands, int warmup, int seed, bool risk)
    {
        // Progress goes to stderr so that stdout stays pure JSON with --json.
        Console.Error.WriteLine($"{workload.Name}: generating {warmup:N0} warmup + {commands:N0} measured commands (seed {seed})...");
        var generated = workload.Generate(warmup, commands, seed);
        if (risk)
        {
            generated = BenchRisk.Apply(generated);
        }
        return generated;
    }
}
