using Exchange.Server.LoadTest;

namespace Exchange.Server.Tests.LoadTest;

/// <summary>The load generator's FIX mode against <see cref="FakeFixAcceptor"/>.</summary>
public sealed class FixLoadConnectionTests : IDisposable
{
    private readonly FakeFixAcceptor _acceptor = new() { SendTestRequest = true };

    public void Dispose() => _acceptor.Dispose();

    private LoadTestOptions Options => new()
    {
        Protocol = "fix", Port = _acceptor.Port, Progress = false, Duration = TimeSpan.FromSeconds(1), Drain = TimeSpan.FromSeconds(10),
        Connections = 2, Rate = 2000,
    };

    [Fact]
    public void ShouldLogOnSendNewOrderSinglesAndCountExecutionReportsAsAcknowledgements()
    {
        var result = new LoadTestRunner(Options, TextWriter.Null).Run();
        Assert.Empty(result.Errors);
        Assert.Equal(2, _acceptor.Logons);
        Assert.True(result.Sent > 1900);
        Assert.Equal(result.Sent, _acceptor.Orders);
        Assert.Equal(result.Sent, result.Accepted);
        Assert.Equal(0, result.Unacknowledged);
        // Each connection answered its TestRequest with a Heartbeat carrying the TestReqID.
        Assert.Equal(2, Volatile.Read(ref _acceptor.HeartbeatsWithTestReqId));
    }

    [Fact]
    public void ShouldCountOrdRejReasonsOfRejectedExecutionReports()
    {
        var result = new LoadTestRunner(Options with { Symbol = "NOPE", Max = true, Window = 8, Duration = TimeSpan.FromMilliseconds(300) }, TextWriter.Null).Run();
        Assert.Equal(result.Sent, result.Rejected);
        Assert.Equal(result.Sent, result.RejectsByReason["OrdRejReason 1 (unknown symbol)"]);
    }

    [Fact]
    public void ShouldFailToStartWhenTheLogonIsRefused()
    {
        Assert.Equal(2, LoadTestCommand.Run(Options with { Accounts = [("TRADER1", "nope")] }));
    }
}
