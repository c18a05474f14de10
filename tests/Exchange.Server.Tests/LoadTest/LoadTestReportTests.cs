using System.Text.Json;
using Exchange.Server.LoadTest;

namespace Exchange.Server.Tests.LoadTest;

public class LoadTestReportTests
{
    private static readonly LoadTestResult Result = new()
    {
        Protocol = "binary", Mode = "open-loop", TargetRate = 1000, Connections = 2, Seed = 1, DurationSeconds = 1, ElapsedSeconds = 1.01,
        Sent = 1000, Acknowledged = 1000, Accepted = 990, Rejected = 10, Unacknowledged = 0, SentPerSecond = 1000, AcknowledgedPerSecond = 990,
        AcceptedPerSecond = 980, P50Micros = 50, P90Micros = 70, P99Micros = 90, P999Micros = 120, P9999Micros = 150, MaxMicros = 160, MeanMicros = 55,
        RejectsByReason = new Dictionary<string, long> { ["Busy"] = 10 }, Errors = [],
    };

    [Fact]
    public void ShouldWriteEveryFigureAsCamelCaseJson()
    {
        var output = new StringWriter();
        LoadTestReport.WriteJson(output, Result);
        using var json = JsonDocument.Parse(output.ToString());
        var root = json.RootElement;
        Assert.Equal("open-loop", root.GetProperty("mode").GetString());
        Assert.Equal(1000, root.GetProperty("acknowledged").GetInt64());
        Assert.Equal(980, root.GetProperty("acceptedPerSecond").GetDouble());
        Assert.Equal(90, root.GetProperty("p99Micros").GetDouble());
        Assert.Equal(10, root.GetProperty("rejectsByReason").GetProperty("Busy").GetInt64());
    }

    [Fact]
    public void ShouldSayInTheTableThatOpenLoopLatencyIsCorrectedForCoordinatedOmission()
    {
        var output = new StringWriter();
        LoadTestReport.WriteTable(output, Result);
        string table = output.ToString();
        Assert.Contains("coordinated omission", table);
        Assert.Contains("Busy", table);
        Assert.Contains("1,000", table);
    }
}
