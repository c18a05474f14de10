using Exchange.Journal.Storage;

namespace Exchange.Journal;

/// <summary>Brings a journal back to a clean end after a crash. Reads and verifies everything (or everything
/// from the segment a snapshot leaves off in)
/// (<see cref="JournalReader"/>); zeroes a torn tail and deletes an incomplete last segment, the only two
/// repairs allowed, since neither can hold an acknowledged record; then fdatasyncs the last segment so that
/// everything it kept is durable. Any other damage throws <see cref="JournalCorruptedException"/> and changes
/// nothing. Run it single-threaded, before the writer starts.</summary>
public static class JournalRecovery
{
    private const int ZeroChunkBytes = 64 * 1024;

    /// <param name="storage">The journal's storage.</param>
    /// <param name="replay">Called with every intact record in order (e.g. to rebuild engine state). Corruption
    /// found later still throws, after earlier records were replayed: the caller must then stop.</param>
    /// <param name="skipThrough">A snapshot holds the state up to this sequence: segments entirely before it are
    /// neither read nor verified (see <see cref="JournalReader(IJournalStorage, long)"/>). 0 = read everything.</param>
    public static RecoveryResult Recover(IJournalStorage storage, Action<JournalRecord>? replay = null, long skipThrough = 0)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var reader = new JournalReader(storage, skipThrough);
        while (reader.TryReadNext(out var record))
        {
            replay?.Invoke(record);
        }
        var end = reader.End;
        if (end.IncompleteSegment is string incomplete)
        {
            storage.Delete(incomplete);
        }
        if (end.TornTail is { } torn)
        {
            ZeroTail(storage, torn);
        }
        else if (end.LastSegment is string last)
        {
            using var segment = storage.Open(last);
            segment.FlushToDisk();
        }
        return new RecoveryResult(end, reader.RecordCount, end.TornTail, end.IncompleteSegment);
    }

    // Zero, rather than shorten, so the segment keeps its pre-allocated size and "length 0 = end of data" holds.
    private static void ZeroTail(IJournalStorage storage, TornTail torn)
    {
        using var segment = storage.Open(torn.Segment);
        var zeros = new byte[Math.Min(torn.BytesDropped, ZeroChunkBytes)];
        for (long done = 0; done < torn.BytesDropped; done += zeros.Length)
        {
            int n = (int)Math.Min(zeros.Length, torn.BytesDropped - done);
            segment.Write(torn.Offset + done, zeros.AsSpan(0, n));
        }
        segment.FlushToDisk();
    }
}
