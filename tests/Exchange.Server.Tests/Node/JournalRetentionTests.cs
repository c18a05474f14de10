using Exchange.Journal;
using Exchange.Journal.Format;
using Exchange.Server.Configuration;
using Exchange.Server.Replay;

namespace Exchange.Server.Tests.Node;

/// <summary>Journal retention in a running exchange: after each snapshot the segments wholly covered by the oldest
/// snapshot kept are deleted; the exchange still recovers (also from the older snapshot) and `exchange replay`
/// verifies what is kept.</summary>
public class JournalRetentionTests
{
    // Segments of 8 KiB (a few dozen records), snapshots every 100 commands: a few hundred commands leave many
    // prunable segments.
    private static ExchangeConfig Config(string directory, bool prune = true) => new()
    {
        DataDirectory = directory,
        SnapshotEveryCommands = 100,
        JournalSegmentBytes = 8 * 1024,
        PruneJournal = prune,
        RiskEnabled = false,
    };

    private static string JournalOf(string data) => Path.Combine(data, "shard-0", "journal");

    private static async Task<ulong> RunAndStop(ExchangeConfig config, int commands, int offset = 0)
    {
        using var node = ExchangeNode.Start(config);
        foreach (var c in ExchangeNodeTests.Workload(commands, offset))
        {
            await node.Client.SubmitAsync(c);
        }
        node.Stop();
        return node.Pipeline.Engine.ComputeStateDigest();
    }

    private static long FirstKept(string data) =>
        SegmentName.TryParse(Path.GetFileName(Directory.GetFiles(JournalOf(data), SegmentName.Pattern).Order().First()), out long first)
            ? first : throw new InvalidDataException("bad segment name");

    [Fact]
    public async Task ShouldDeleteOnlySegmentsBeforeTheOldestSnapshotKept()
    {
        using var dir = new TempDirectory();
        ulong digest = await RunAndStop(Config(dir.Path), 450);
        var snapshots = new Journal.Snapshots.SnapshotStore(Path.Combine(dir.Path, "shard-0", "snapshots")).List();
        Assert.Equal(2, snapshots.Count);
        long oldest = snapshots[^1];
        long first = FirstKept(dir.Path);
        Assert.True(first > 1, "nothing was pruned");
        Assert.True(first <= oldest + 1, $"the journal starts at {first}, after the oldest snapshot kept ({oldest})");
        using (var storage = new Journal.Storage.FileJournalStorage(JournalOf(dir.Path)))
        {
            Assert.Empty(JournalPruning.SegmentsCoveredBy(storage.ListSegments(), oldest)); // nothing prunable was kept
        }

        using var again = ExchangeNode.Start(Config(dir.Path));
        Assert.Equal(digest, again.Recovery.StateDigest);
    }

    [Fact]
    public async Task ShouldRecoverFromTheOlderSnapshotAndTheKeptJournalWhenTheNewestIsDamaged()
    {
        using var dir = new TempDirectory();
        ulong digest = await RunAndStop(Config(dir.Path), 450);
        var newest = Directory.GetFiles(Path.Combine(dir.Path, "shard-0", "snapshots"), "*.snap").Order().Last();
        var bytes = File.ReadAllBytes(newest);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(newest, bytes);

        using var again = ExchangeNode.Start(Config(dir.Path));
        Assert.Equal(digest, again.Recovery.StateDigest);
        Assert.True(again.Recovery.ReplayedRecords > 0);
    }

    [Fact]
    public async Task ShouldLetReplayVerifyAPrunedJournalFromItsOldestSnapshot()
    {
        using var dir = new TempDirectory();
        ulong digest = await RunAndStop(Config(dir.Path), 450);
        ulong digestAfterRestart = await RunAndStop(Config(dir.Path), 150, offset: 450);
        Assert.NotEqual(digest, digestAfterRestart);

        var report = JournalVerifier.Verify(Path.Combine(dir.Path, "shard-0"));
        Assert.True(report.Valid, string.Join("; ", report.Snapshots.Select(s => $"{s.Sequence}: {s.Problem}")));
        Assert.NotNull(report.BaseSnapshot);
        Assert.Contains(report.Snapshots, s => s.IsReplayBase && s.Sequence == report.BaseSnapshot);
        Assert.Contains(report.Snapshots, s => !s.IsReplayBase && s.Valid); // the newer one, checked against the replay
        Assert.Equal(digestAfterRestart, report.StateDigest);
    }

    [Fact]
    public async Task ShouldReportAPrunedJournalWithoutASnapshotAsCorrupted()
    {
        using var dir = new TempDirectory();
        await RunAndStop(Config(dir.Path), 450);
        Directory.Delete(Path.Combine(dir.Path, "shard-0", "snapshots"), recursive: true);
        Assert.Throws<JournalCorruptedException>(() => JournalVerifier.Verify(Path.Combine(dir.Path, "shard-0")));
        Assert.Throws<JournalCorruptedException>(() => ExchangeNode.Start(Config(dir.Path)).Dispose());
    }

    [Fact]
    public async Task ShouldKeepTheWholeJournalWhenPruningIsOff()
    {
        using var dir = new TempDirectory();
        await RunAndStop(Config(dir.Path, prune: false), 450);
        Assert.Equal(1, FirstKept(dir.Path));
        Assert.Null(JournalVerifier.Verify(Path.Combine(dir.Path, "shard-0")).BaseSnapshot);
    }
}
