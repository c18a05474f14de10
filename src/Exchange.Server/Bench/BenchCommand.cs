using System.CommandLine;

namespace Exchange.Server.Bench;

/// <summary>`exchange bench`: in-process engine throughput and latency on seeded workloads.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Benchmark the matching engine in-process.");
        command.SetAction(_ => 1);
        return command;
    }
}
