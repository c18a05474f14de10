using System.Globalization;

namespace Exchange.Server.Bench;

/// <summary>Writes results as a plain-text table for people.</summary>
internal static class ResultTableWriter
{
    public static void Write(TextWriter output, IReadOnlyList<ScenarioResult> results)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Format(c, "{0,-9} {1,10} {2,12} {3,7} {4,7} {5,8} {6,9} {7,9} {8,8} {9,11} {10,10} {11,8}",
            "scenario", "commands", "cmd/s", "p50 ns", "p99 ns", "p99.9 ns", "p99.99 ns", "max ns", "B/cmd", "gc 0/1/2", "resting", "levels"));
        foreach (var r in results)
        {
            output.WriteLine(string.Format(c, "{0,-9} {1,10:N0} {2,12:N0} {3,7:N0} {4,7:N0} {5,8:N0} {6,9:N0} {7,9:N0} {8,8:0.###} {9,11} {10,10:N0} {11,8:N0}",
                r.Scenario, r.Commands, r.CommandsPerSec, r.P50Ns, r.P99Ns, r.P999Ns, r.P9999Ns, r.MaxNs,
                r.AllocatedBytesPerCommand, $"{r.Gen0}/{r.Gen1}/{r.Gen2}", r.RestingOrdersAtEnd, r.LevelsAtEnd));
        }
        output.WriteLine();
        foreach (var r in results)
        {
            output.WriteLine(string.Format(c,
                "{0}: seed {1}, setup {2:N0} + warmup {3:N0} commands; mix gtc {4:P1} ioc {5:P1} market {6:P1} cancel {7:P1} replace {8:P1}; " +
                "{9:N0} trades, {10:N0} rejected; mean {11:0.0} ns; timer overhead {12} ns/sample{13}",
                r.Scenario, r.Seed, r.SetupCommands, r.WarmupCommands, r.ShareGtc, r.ShareIoc, r.ShareMarket, r.ShareCancel,
                r.ShareReplace, r.Trades, r.Rejected, r.MeanNs, r.TimerOverheadNs,
                r.Shards > 1 ? $"; {r.Shards} shards, one engine thread each (cmd/s: all of them together)" : ""));
        }
    }

    /// <summary>`--rounds N`: each scenario's throughput over standard's of the same round, round by round, and the median.</summary>
    public static void WriteRatios(TextWriter output, IReadOnlyList<RoundRatios> ratios)
    {
        var c = CultureInfo.InvariantCulture;
        foreach (var ratio in ratios)
        {
            output.WriteLine(string.Format(c, "{0} ÷ {1}, round by round: {2}; median {3:P0}",
                ratio.Scenario, RoundRatios.Reference, string.Join(", ", ratio.PerRound.Select(r => r.ToString("P0", c))), ratio.Median));
        }
    }
}
