using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Exchange.Journal;

namespace Exchange.Server.Replay;

/// <summary>`exchange replay --data DIR`: verifies the journal and the snapshots, rebuilds the state and prints
/// counts and the state digest. Read-only.</summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Data directory. Default: ./data", DefaultValueFactory = _ => "data" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var command = new Command("replay", "Verify the journal and snapshots, rebuild the state, print counts and the state digest.")
        {
            data, json,
        };
        command.SetAction(parseResult => Run(parseResult.GetValue(data)!, parseResult.GetValue(json)));
        return command;
    }

    private static int Run(string dataDirectory, bool json)
    {
        var shards = Directory.Exists(dataDirectory)
            ? Directory.GetDirectories(dataDirectory, "shard-*").Order(StringComparer.Ordinal).ToList()
            : [];
        if (shards.Count == 0)
        {
            Console.Error.WriteLine($"exchange: no shard data (shard-N/journal) in {Path.GetFullPath(dataDirectory)}");
            return 2;
        }
        int worst = 0;
        foreach (var shard in shards)
        {
            worst = Math.Max(worst, RunShard(shard, json));
        }
        return worst;
    }

    private static int RunShard(string shardDirectory, bool json)
    {
        string shard = Path.GetFileName(shardDirectory);
        ReplayReport report;
        try
        {
            report = JournalVerifier.Verify(shardDirectory);
        }
        catch (JournalCorruptedException e)
        {
            Console.Error.WriteLine($"exchange: {shard}: journal corrupted: {e.Message}");
            return 3;
        }
        var inv = CultureInfo.InvariantCulture;
        double seconds = Math.Max(report.Duration.TotalSeconds, 1e-9);
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                shard,
                records = report.Records,
                lastSequence = report.LastSequence,
                commands = report.CommandsByType.ToDictionary(p => p.Key.ToString(), p => p.Value),
                events = report.Events,
                liveOrders = report.LiveOrders,
                instruments = report.Instruments,
                stateDigest = report.StateDigest.ToString("x16", inv),
                tornTail = report.TornTail,
                baseSnapshot = report.BaseSnapshot,
                snapshots = report.Snapshots.Select(s => new { sequence = s.Sequence, valid = s.Valid, problem = s.Problem, replayBase = s.IsReplayBase }),
                seconds = report.Duration.TotalSeconds,
                recordsPerSecond = report.Records / seconds,
                valid = report.Valid,
            }));
        }
        else
        {
            Console.WriteLine($"[{shard}]");
            Console.WriteLine(string.Create(inv, $"journal      {report.Records} records{(report.BaseSnapshot is long b ? $" kept (older segments pruned; replayed from snapshot {b})" : "")}, last sequence {report.LastSequence}{(report.TornTail is null ? "" : $", torn tail: {report.TornTail}")}"));
            Console.WriteLine($"commands     {string.Join(", ", report.CommandsByType.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))}");
            Console.WriteLine(string.Create(inv, $"state        {report.Instruments} instruments, {report.LiveOrders} live orders, {report.Events} events"));
            foreach (var s in report.Snapshots)
            {
                string verdict = !s.Valid ? "INVALID: " + s.Problem
                    : s.IsReplayBase ? "replay starts here (the journal before it was pruned); its own digest checks"
                    : "matches the journal";
                Console.WriteLine(string.Create(inv, $"snapshot     {s.Sequence}: {verdict}"));
            }
            Console.WriteLine(string.Create(inv, $"replayed in  {report.Duration.TotalMilliseconds:F0} ms ({report.Records / seconds:F0} records/s)"));
            Console.WriteLine(string.Create(inv, $"StateDigest  {report.StateDigest:x16}"));
        }
        return report.Valid ? 0 : 4;
    }
}
