using System.Text.Json;

namespace Exchange.Server.Bench;

/// <summary>Writes results as JSON: one object for a single scenario, an array for several. The first twelve
/// keys (scenario … gen2) are the stable contract other tools read; the rest describe the run.</summary>
internal static class ResultJsonWriter
{
    public static void Write(Stream output, IReadOnlyList<ScenarioResult> results, bool asArray)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        if (asArray)
        {
            json.WriteStartArray();
        }
        foreach (var result in results)
        {
            WriteObject(json, result);
        }
        if (asArray)
        {
            json.WriteEndArray();
        }
    }

    /// <summary>`--rounds N`: an object with <c>rounds</c> (an array per round, of the objects <see cref="Write"/> writes)
    /// and <c>ratioToStandard</c> (per scenario: each round's throughput over standard's, and their median).</summary>
    public static void WriteRounds(Stream output, IReadOnlyList<IReadOnlyList<ScenarioResult>> rounds, IReadOnlyList<RoundRatios> ratios)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartArray("rounds");
        foreach (var round in rounds)
        {
            json.WriteStartArray();
            foreach (var result in round)
            {
                WriteObject(json, result);
            }
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteStartObject("ratioToStandard");
        foreach (var ratio in ratios)
        {
            json.WriteStartObject(ratio.Scenario);
            json.WriteStartArray("rounds");
            foreach (double value in ratio.PerRound)
            {
                json.WriteNumberValue(Math.Round(value, 4));
            }
            json.WriteEndArray();
            json.WriteNumber("median", Math.Round(ratio.Median, 4));
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteObject(Utf8JsonWriter json, ScenarioResult r)
    {
        json.WriteStartObject();
        json.WriteString("scenario", r.Scenario);
        json.WriteNumber("commands", r.Commands);
        json.WriteNumber("commandsPerSec", Math.Round(r.CommandsPerSec));
        json.WriteNumber("p50Ns", r.P50Ns);
        json.WriteNumber("p99Ns", r.P99Ns);
        json.WriteNumber("p999Ns", r.P999Ns);
        json.WriteNumber("p9999Ns", r.P9999Ns);
        json.WriteNumber("maxNs", r.MaxNs);
        json.WriteNumber("allocatedBytesPerCommand", Math.Round(r.AllocatedBytesPerCommand, 3));
        json.WriteNumber("gen0", r.Gen0);
        json.WriteNumber("gen1", r.Gen1);
        json.WriteNumber("gen2", r.Gen2);

        json.WriteBoolean("optimizedBuild", EngineBuild.IsOptimized);
        json.WriteNumber("shards", r.Shards);
        json.WriteNumber("seed", r.Seed);
        json.WriteNumber("setupCommands", r.SetupCommands);
        json.WriteNumber("warmupCommands", r.WarmupCommands);
        json.WriteNumber("meanNs", Math.Round(r.MeanNs, 1));
        json.WriteNumber("timerOverheadNs", r.TimerOverheadNs);
        json.WriteNumber("latencyRunAllocatedBytesPerCommand", Math.Round(r.LatencyRunAllocatedBytesPerCommand, 3));
        json.WriteNumber("latencyRunGen0", r.LatencyRunGen0);
        json.WriteNumber("latencyRunGen1", r.LatencyRunGen1);
        json.WriteNumber("latencyRunGen2", r.LatencyRunGen2);
        json.WriteNumber("events", r.Events);
        json.WriteNumber("trades", r.Trades);
        json.WriteNumber("rejected", r.Rejected);
        json.WriteStartObject("mix");
        json.WriteNumber("gtc", Math.Round(r.ShareGtc, 4));
        json.WriteNumber("ioc", Math.Round(r.ShareIoc, 4));
        json.WriteNumber("market", Math.Round(r.ShareMarket, 4));
        json.WriteNumber("cancel", Math.Round(r.ShareCancel, 4));
        json.WriteNumber("replace", Math.Round(r.ShareReplace, 4));
        json.WriteEndObject();
        json.WriteNumber("restingOrdersAtEnd", r.RestingOrdersAtEnd);
        json.WriteNumber("levelsAtEnd", r.LevelsAtEnd);
        json.WriteEndObject();
    }
}
