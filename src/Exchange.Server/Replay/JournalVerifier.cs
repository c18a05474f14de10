using System.Diagnostics;
using Exchange.Core.Commands;
using Exchange.Core.Matching;
using Exchange.Journal;
using Exchange.Journal.Format;
using Exchange.Journal.Snapshots;
using Exchange.Journal.Storage;

namespace Exchange.Server.Replay;

/// <summary>Rebuilds the state from the journal without changing anything on disk, checking every record kept
/// (CRC, chain, sequence) and every snapshot against the replayed state at the snapshot's sequence. A journal whose
/// oldest segments were pruned (<see cref="JournalPruning"/>) is replayed from the oldest snapshot it continues
/// (its own digest checked), since the records before it are gone.</summary>
public static class JournalVerifier
{
    public static ReplayReport Verify(string dataDirectory)
    {
        var watch = Stopwatch.StartNew();
        var snapshots = new SnapshotStore(Path.Combine(dataDirectory, "snapshots"));
        var pending = new SortedSet<long>(snapshots.List());
        var checkedSnapshots = new List<SnapshotCheck>();
        var byType = new Dictionary<CommandType, long>();
        long events = 0;
        using var storage = new FileJournalStorage(Path.Combine(dataDirectory, "journal"));
        var (engine, baseSequence) = StartingState(storage, snapshots, pending, checkedSnapshots);
        // From the oldest segment kept: a pruned journal's first segment continues a chain, which the reader then
        // takes as given; every record kept is verified, those up to the base snapshot without being applied.
        var reader = new JournalReader(storage, FirstSequence(storage) - 1);
        long last = 0;
        while (reader.TryReadNext(out var record))
        {
            last = record.Sequence;
            if (record.Sequence <= baseSequence)
            {
                continue; // verified (CRC, chain) but already in the base snapshot
            }
            var command = record.Command;
            events += engine.Process(in command).Length;
            byType[command.Type] = byType.GetValueOrDefault(command.Type) + 1;
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
            engine.ComputeStateDigest(), end.TornTail?.ToString(), checkedSnapshots, replayed)
        {
            BaseSnapshot = baseSequence > 0 ? baseSequence : null,
        };
    }

    /// <summary>An empty engine for a journal that starts at its first record; for a pruned one, the oldest snapshot
    /// that the oldest segment continues, loaded with its digest check (taken off <paramref name="pending"/>).
    /// Older snapshots cannot be checked (the journal before them is gone) and are reported invalid.</summary>
    private static (MatchingEngine Engine, long Sequence) StartingState(IJournalStorage storage, SnapshotStore snapshots,
        SortedSet<long> pending, List<SnapshotCheck> checkedSnapshots)
    {
        long first = FirstSequence(storage);
        if (first <= 1)
        {
            return (new MatchingEngine(), 0);
        }
        foreach (long sequence in pending.ToList())
        {
            if (sequence + 1 < first)
            {
                pending.Remove(sequence);
                checkedSnapshots.Add(new SnapshotCheck(sequence, false, $"the journal before it was pruned (it starts at {first})"));
                continue;
            }
            pending.Remove(sequence);
            try
            {
                using var file = File.OpenRead(snapshots.PathOf(sequence));
                file.Position = SnapshotStore.HeaderSize;
                var engine = MatchingEngine.ReadSnapshot(file);
                checkedSnapshots.Add(new SnapshotCheck(sequence, true, null) { IsReplayBase = true });
                return (engine, sequence);
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
            {
                checkedSnapshots.Add(new SnapshotCheck(sequence, false, e.Message));
            }
        }
        throw new JournalCorruptedException(SegmentName.Format(first), 0,
            $"the journal starts at sequence {first} (older segments pruned or missing) and no valid snapshot holds the state before it");
    }

    /// <summary>The first sequence of the oldest segment (1 if there is none or its name does not parse).</summary>
    private static long FirstSequence(IJournalStorage storage)
    {
        var segments = storage.ListSegments();
        return segments.Count > 0 && SegmentName.TryParse(segments[0], out long first) ? first : 1;
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
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            return new SnapshotCheck(sequence, false, e.Message);
        }
    }
}
