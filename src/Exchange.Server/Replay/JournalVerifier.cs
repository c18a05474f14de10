using System.Diagnostics;
using Exchange.Core.Commands;
using Exchange.Core.Matching;
using Exchange.Journal;
using Exchange.Journal.Snapshots;
using Exchange.Journal.Storage;

namespace Exchange.Server.Replay;

/// <summary>Rebuilds the state from the whole journal without changing anything on disk, checking every record
/// (CRC, chain, sequence) and every snapshot against the replayed state at the snapshot's sequence.</summary>
public static class JournalVerifier
{
    public static ReplayReport Verify(string dataDirectory)
    {
        var watch = Stopwatch.StartNew();
        var engine = new MatchingEngine();
        var snapshots = new SnapshotStore(Path.Combine(dataDirectory, "snapshots"));
        var pending = new SortedSet<long>(snapshots.List());
        var checkedSnapshots = new List<SnapshotCheck>();
        var byType = new Dictionary<CommandType, long>();
        long events = 0;
        using var storage = new FileJournalStorage(Path.Combine(dataDirectory, "journal"));
        var reader = new JournalReader(storage);
        long last = 0;
        while (reader.TryReadNext(out var record))
        {
            var command = record.Command;
            events += engine.Process(in command).Length;
            byType[command.Type] = byType.GetValueOrDefault(command.Type) + 1;
            last = record.Sequence;
            if (pending.Remove(last))
            {
                checkedSnapshots.Add(Check(snapshots, last, engine.ComputeStateDigest()));
            }
        }
        // Snapshots beyond the journal's end cannot be explained by it.
        checkedSnapshots.AddRange(pending.Select(s => new SnapshotCheck(s, false, "beyond the end of the journal")));
        var replayed = watch.Elapsed;
        var end = reader.End;
        return new ReplayReport(reader.RecordCount, last, byType, events, engine.LiveOrderCount, engine.Instruments.Count,
            engine.ComputeStateDigest(), end.TornTail?.ToString(), checkedSnapshots, replayed);
    }

    private static SnapshotCheck Check(SnapshotStore snapshots, long sequence, ulong replayDigest)
    {
        try
        {
            using var file = File.OpenRead(snapshots.PathOf(sequence));
            file.Position = SnapshotStore.HeaderSize;
            var state = MatchingEngine.ReadSnapshot(file);
            ulong digest = state.ComputeStateDigest();
            return digest == replayDigest
                ? new SnapshotCheck(sequence, true, null)
                : new SnapshotCheck(sequence, false, $"digest {digest:x16} but the journal gives {replayDigest:x16}");
        }
        catch (InvalidDataException e)
        {
            return new SnapshotCheck(sequence, false, e.Message);
        }
    }
}
