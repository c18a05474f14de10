namespace Exchange.Journal.Storage;

/// <summary>The next segment file, created ahead on a background task — allocated to its full length and fsynced,
/// under a name recovery ignores — for <see cref="FileJournalStorage.Create"/> to take by a rename. Why: creating a
/// 64 MiB segment on the journal thread (allocation, size change, fsync of the file) stalled every command behind
/// the roll, several milliseconds on a disk and ~20 ms on tmpfs, once per segment. Taking the spare costs a rename
/// and the directory's fsync. Used by the journal thread (<see cref="TryTake"/>) and one background task.</summary>
internal sealed class SpareSegment(string directory) : IDisposable
{
    /// <summary>Does not match <see cref="Format.SegmentName.Pattern"/>: a spare left by a crash is never read as journal.</summary>
    public const string FileName = "spare-segment.tmp";

    private readonly string _path = Path.Combine(directory, FileName);
    private Task<long>? _creating;

    /// <summary>Starts creating a spare of <paramref name="length"/> bytes unless one is ready or being created.</summary>
    public void Prepare(long length) => _creating ??= Task.Run(() => CreateFile(length));

    /// <summary>Renames the spare to <paramref name="path"/> if it is complete and <paramref name="length"/> bytes long
    /// (never waits); false otherwise. The caller makes the new name durable (directory fsync).</summary>
    public bool TryTake(string path, long length)
    {
        if (_creating is not { IsCompleted: true } done)
        {
            return false;
        }
        if (!done.IsCompletedSuccessfully)
        {
            _creating = null; // tried again on the next Prepare
            return false;
        }
        if (done.Result != length)
        {
            return false; // kept for a segment of its length
        }
        if (!File.Exists(_path))
        {
            _creating = null; // removed behind our back: create the segment the slow way, and a new spare
            return false;
        }
        File.Move(_path, path, overwrite: false);
        _creating = null;
        return true;
    }

    /// <summary>Waits until a spare being created is ready (tests).</summary>
    internal void WaitUntilReady()
    {
        try
        {
            _creating?.Wait();
        }
        catch (AggregateException)
        {
            // TryTake reports a failed creation as no spare.
        }
    }

    /// <summary>Waits for a creation in progress and removes the spare.</summary>
    public void Dispose()
    {
        WaitUntilReady();
        File.Delete(_path);
    }

    private long CreateFile(long length)
    {
        // Made as FileJournalStorage.Create makes segments, so that the rename alone makes it one.
        using var handle = FileJournalStorage.CreateAllocated(_path, length, FileMode.Create);
        return length;
    }
}
