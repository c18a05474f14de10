using Exchange.Journal.Format;
using Exchange.Journal.Storage;

namespace Exchange.Journal;

/// <summary>Journal retention: removes the segments whose every record a durable snapshot already holds, so that the
/// journal does not grow without bound. Recovery then reads from that snapshot on
/// (<see cref="JournalReader(IJournalStorage, long)"/>, which takes the chain hash in the first kept segment's header
/// as given). Segments are removed oldest first, so a crash part-way leaves a journal that starts at a segment
/// boundary.</summary>
public static class JournalPruning
{
    /// <summary>The names in <paramref name="segments"/> (ordinal order, as <see cref="IJournalStorage.ListSegments"/>
    /// returns them) that a snapshot at <paramref name="coveredThrough"/> makes unnecessary, oldest first. A segment
    /// qualifies if the segment after it starts at or before <c>coveredThrough + 1</c> (all its records are in the
    /// snapshot). The last segment never qualifies (the writer appends to it; recovery continues the chain from its
    /// header), and the one before it only if the snapshot also holds a record of the last: until then the last one
    /// may be a segment the writer has just created whose header is not yet durable, which recovery after a crash
    /// would delete, leaving no journal after the snapshot.</summary>
    public static IReadOnlyList<string> SegmentsCoveredBy(IReadOnlyList<string> segments, long coveredThrough)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var covered = new List<string>();
        for (int i = 0; i + 1 < segments.Count; i++)
        {
            bool nextIsLast = i + 2 == segments.Count;
            // A name that does not parse stops the scan: better to keep too much than to guess.
            if (!SegmentName.TryParse(segments[i], out _) || !SegmentName.TryParse(segments[i + 1], out long nextFirst)
                || nextFirst > (nextIsLast ? coveredThrough : coveredThrough + 1))
            {
                break;
            }
            covered.Add(segments[i]);
        }
        return covered;
    }

    /// <summary>Deletes the segments of <paramref name="storage"/> that a durable snapshot at
    /// <paramref name="coveredThrough"/> makes unnecessary (see <see cref="SegmentsCoveredBy"/>) and returns their
    /// names. Call it only once that snapshot is durable, and with the oldest snapshot a recovery may fall back to.
    /// The storage may be a second instance over the journal's directory while the writer appends to the last
    /// segment: nothing the writer or a recovery can still need is touched.</summary>
    public static IReadOnlyList<string> Prune(IJournalStorage storage, long coveredThrough)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var covered = SegmentsCoveredBy(storage.ListSegments(), coveredThrough);
        foreach (string name in covered)
        {
            storage.Delete(name);
        }
        return covered;
    }
}
