namespace Exchange.Journal.Storage;

/// <summary>Where journal segments live: a flat namespace of fixed-size, randomly accessible files.
/// Implementations are used by one thread at a time (the journal thread, or recovery before it starts).</summary>
public interface IJournalStorage : IDisposable
{
    /// <summary>Names of all segments, in ordinal order.</summary>
    IReadOnlyList<string> ListSegments();

    /// <summary>Creates a new zero-filled segment of <paramref name="length"/> bytes; fails if it exists.
    /// The new file's existence and length are durable once <see cref="IJournalSegment.FlushToDisk"/> returns.</summary>
    IJournalSegment Create(string name, long length);

    /// <summary>Opens an existing segment for reading and writing.</summary>
    IJournalSegment Open(string name);

    /// <summary>Removes a segment (recovery uses it to discard a segment whose header never reached the disk).</summary>
    void Delete(string name);
}
