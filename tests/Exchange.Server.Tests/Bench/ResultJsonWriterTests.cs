using System.Text.Json;
using Exchange.Server.Bench;

namespace Exchange.Server.Tests.Bench;

public class ResultJsonWriterTests
{
    private static readonly string[] ContractKeys =
    [
        "scenario", "commands", "commandsPerSec", "p50Ns", "p99Ns", "p999Ns", "p9999Ns", "maxNs",
        "allocatedBytesPerCommand", "gen0", "gen1", "gen2",
    ];

    private static readonly ScenarioResult Measured =
        ScenarioMeasurement.Measure(new StandardWorkload().Generate(warmupCommands: 2_000, measuredCommands: 5_000, seed: 1));

    [Fact]
    public void ShouldWriteOneObjectWithEveryContractKeyForOneScenario()
    {
        using var document = Write([Measured], asArray: false);

        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        foreach (string key in ContractKeys)
        {
            Assert.True(document.RootElement.TryGetProperty(key, out _), $"missing key {key}");
        }
        Assert.Equal("standard", document.RootElement.GetProperty("scenario").GetString());
        Assert.Equal(5_000, document.RootElement.GetProperty("commands").GetInt32());
    }

    [Fact]
    public void ShouldWriteAnArrayForSeveralScenarios()
    {
        using var document = Write([Measured, Measured with { Scenario = "retail" }], asArray: true);

        Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        Assert.Equal(2, document.RootElement.GetArrayLength());
        Assert.Equal("retail", document.RootElement[1].GetProperty("scenario").GetString());
    }

    [Fact]
    public void ShouldReportConsistentMeasuredFigures()
    {
        Assert.True(Measured.CommandsPerSec > 0);
        Assert.True(Measured.P50Ns <= Measured.P99Ns && Measured.P99Ns <= Measured.P999Ns);
        Assert.True(Measured.P999Ns <= Measured.P9999Ns && Measured.P9999Ns <= Measured.MaxNs);
        Assert.True(Measured.Events >= Measured.Commands, "every command produces at least one event");
        Assert.InRange(Measured.RestingOrdersAtEnd, 900, 1_100);
    }

    [Fact]
    public void ShouldWriteEveryRoundAndTheRatiosToStandardForRounds()
    {
        IReadOnlyList<ScenarioResult>[] rounds =
        [
            [Measured with { CommandsPerSec = 8e6 }, Measured with { Scenario = "multi", CommandsPerSec = 4e6 }],
            [Measured with { CommandsPerSec = 10e6 }, Measured with { Scenario = "multi", CommandsPerSec = 4e6 }],
        ];
        using var stream = new MemoryStream();
        ResultJsonWriter.WriteRounds(stream, rounds, RoundRatios.Compute(rounds));
        using var document = JsonDocument.Parse(stream.ToArray());

        var written = document.RootElement.GetProperty("rounds");
        Assert.Equal(2, written.GetArrayLength());
        Assert.Equal("multi", written[1][1].GetProperty("scenario").GetString());
        foreach (string key in ContractKeys)
        {
            Assert.True(written[0][0].TryGetProperty(key, out _), $"missing key {key}");
        }
        var multi = document.RootElement.GetProperty("ratioToStandard").GetProperty("multi");
        Assert.Equal([0.5, 0.4], multi.GetProperty("rounds").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(0.45, multi.GetProperty("median").GetDouble(), 12);
        Assert.False(document.RootElement.GetProperty("ratioToStandard").TryGetProperty("standard", out _));
    }

    private static JsonDocument Write(IReadOnlyList<ScenarioResult> results, bool asArray)
    {
        using var stream = new MemoryStream();
        ResultJsonWriter.Write(stream, results, asArray);
        return JsonDocument.Parse(stream.ToArray());
    }
}
