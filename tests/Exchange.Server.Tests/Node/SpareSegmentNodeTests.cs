using System.Diagnostics;
using Exchange.Journal;
using Exchange.Server.Configuration;

namespace Exchange.Server.Tests.Node;

/// <summary>A node creates its next journal segment ahead: rolls take it, and nothing of it survives a stop or
/// confuses a restart.</summary>
public class SpareSegmentNodeTests
{
    private const string Spare = "spare-segment.tmp";

    private static ExchangeConfig Config(string directory) => new()
    {
        DataDirectory = directory,
        SnapshotEveryCommands = 0,
        Durability = DurabilityMode.Fsync,
        RiskEnabled = false,
        JournalSegmentBytes = 16 * 1024, // ~70 records a segment: the workload rolls many times
    };

    private static string JournalDirectory(string data) => Path.Combine(ExchangeNode.ShardDirectory(data, 0), "journal");

    [Fact]
    public async Task ShouldRollIntoSparesAndComeBackWithTheSameStateAfterACrash()
    {
        using var dir = new TempDirectory();
        ulong digest;
        using (var node = ExchangeNode.Start(Config(dir.Path)))
        {
            foreach (var c in ExchangeNodeTests.Workload(500))
            {
                await node.Client.SubmitAsync(c);
            }
            digest = node.Pipeline.Engine.ComputeStateDigest();
            Assert.True(Directory.GetFiles(JournalDirectory(dir.Path), "journal-*.seg").Length > 5);
            node.Crash();
        }
        using var again = ExchangeNode.Start(Config(dir.Path));
        Assert.Equal(digest, again.Recovery.StateDigest);
        Assert.Null(again.Recovery.TornTail);
    }

    [Fact]
    public void ShouldKeepASpareWhileRunningAndRemoveItOnStop()
    {
        using var dir = new TempDirectory();
        string spare = Path.Combine(JournalDirectory(dir.Path), Spare);
        var node = ExchangeNode.Start(Config(dir.Path));
        var watch = Stopwatch.StartNew();
        while (!File.Exists(spare) && watch.Elapsed < TimeSpan.FromSeconds(5))
        {
            Thread.Sleep(5);
        }
        Assert.True(File.Exists(spare));

        node.Stop();

        Assert.False(File.Exists(spare));
    }
}
