using Exchange.Journal;
using Exchange.Server.Configuration;
using Exchange.Server.Gateways;
using Exchange.Server.Gateways.Binary;
using Exchange.Server.LoadTest;
using Exchange.Server.Tests.Node;

namespace Exchange.Server.Tests.LoadTest;

/// <summary>Short load tests against an in-process exchange with the binary gateway on a free port.</summary>
public sealed class LoadTestRunnerTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly OrderEntryHub _hub = new();
    private readonly ExchangeNode _node;
    private readonly BinaryAcceptor _acceptor;

    public LoadTestRunnerTests()
    {
        _node = ExchangeNode.Start(new ExchangeConfig { DataDirectory = _dir.Path, Durability = DurabilityMode.Fsync, TimeTickMilliseconds = 0 }, [_hub]);
        _hub.Node = _node;
        _acceptor = BinaryAcceptor.Start("127.0.0.1:0", _hub, _node.Config.Accounts);
    }

    public void Dispose()
    {
        _acceptor.Dispose();
        _node.Dispose();
        _dir.Dispose();
    }

    private LoadTestOptions Options => new()
    {
        Port = _acceptor.LocalEndPoint.Port, Progress = false, Duration = TimeSpan.FromSeconds(1), Drain = TimeSpan.FromSeconds(20),
    };

    [Fact]
    public void ShouldAcknowledgeEveryOrderOfAnOpenLoopRunAndCountThemAllOnce()
    {
        var progress = new StringWriter();
        long before = _node.Pipeline.LastJournalSequence; // the start-up commands (instruments, risk, deposits)
        var result = new LoadTestRunner(Options with { Rate = 2000, Connections = 3, Progress = true, Duration = TimeSpan.FromSeconds(1.5) }, progress).Run();

        Assert.Empty(result.Errors);
        Assert.Equal(3000, result.Sent); // rate × duration, however late the sender

        Assert.Equal(result.Sent, result.Acknowledged);
        Assert.Equal(0, result.Unacknowledged);
        Assert.Equal(result.Acknowledged, result.Accepted + result.Rejected);
        Assert.Equal(0, result.Rejected);
        Assert.True(result.P50Micros > 0 && result.P50Micros <= result.P99Micros && result.P99Micros <= result.MaxMicros);
        Assert.Equal(result.Acknowledged, result.LatencySamples); // no warm-up: every round trip counts
        // Every order reached the journal, one record each.
        Assert.Equal(before + result.Sent, _node.Pipeline.LastJournalSequence);
        Assert.Contains("acked", progress.ToString());
    }

    [Fact]
    public void ShouldSendThroughTheWarmUpButLeaveItsRoundTripsOutOfThePercentiles()
    {
        var result = new LoadTestRunner(Options with { Rate = 1000, Connections = 2, Warmup = TimeSpan.FromSeconds(1), Duration = TimeSpan.FromSeconds(1) }, TextWriter.Null).Run();

        Assert.Empty(result.Errors);
        Assert.Equal(2000, result.Sent); // warm-up and measured seconds both send
        Assert.Equal(result.Sent, result.Acknowledged);
        Assert.Equal(1, result.WarmupSeconds);
        Assert.Equal(1, result.DurationSeconds);
        // The orders due in the first second are not in the latencies, however late their answers came; those due in
        // the measured second are.
        Assert.Equal(1000, result.LatencySamples);
    }

    [Fact]
    public void ShouldKeepTheWindowFullInClosedLoopAndAcknowledgeEverything()
    {
        long before = _node.Pipeline.LastJournalSequence;
        var result = new LoadTestRunner(Options with { Max = true, Window = 32, Connections = 2, Duration = TimeSpan.FromMilliseconds(500) }, TextWriter.Null).Run();
        Assert.Empty(result.Errors);
        Assert.True(result.Sent > 64);
        Assert.Equal(result.Sent, result.Acknowledged);
        Assert.Equal("closed-loop", result.Mode);
        Assert.Equal(before + result.Sent, _node.Pipeline.LastJournalSequence);
    }

    [Fact]
    public void ShouldCountRejectsByReason()
    {
        var result = new LoadTestRunner(Options with { Rate = 500, Connections = 2, Symbol = "NOPE" }, TextWriter.Null).Run();
        Assert.Equal(result.Sent, result.Rejected);
        Assert.Equal(result.Sent, Assert.Single(result.RejectsByReason, r => r.Key == "UnknownSymbol").Value);
    }

    [Fact]
    public void ShouldReportARefusedLoginAsAnError()
    {
        var options = Options with { Accounts = [("TRADER1", "wrong")] };
        Assert.Equal(2, LoadTestCommand.Run(options));
    }
}
