namespace Exchange.Journal;

/// <summary>The journal is damaged somewhere other than a torn tail, so acknowledged history may be lost or
/// altered. Recovery stops (fail-stop) rather than drop anything; an operator must intervene.</summary>
public sealed class JournalCorruptedException : Exception
{
    public JournalCorruptedException(string segment, long offset, string reason)
        : base($"Journal corrupted in {segment} at byte offset {offset}: {reason}")
    {
        Segment = segment;
        Offset = offset;
    }

    public JournalCorruptedException()
        : this("unknown segment", 0, "unknown")
    {
    }

    public JournalCorruptedException(string message)
        : base(message)
    {
        Segment = "unknown segment";
    }

    public JournalCorruptedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Segment = "unknown segment";
    }

    /// <summary>Name of the segment file where the damage was found.</summary>
    public string Segment { get; } = "unknown segment";

    /// <summary>Byte offset in <see cref="Segment"/> of the damaged record or header field.</summary>
    public long Offset { get; }
}
