namespace Exchange.MarketData.Itch;

/// <summary>What <see cref="ItchReader.Read"/> found at the current position.</summary>
public enum ItchReadStatus
{
    /// <summary>A complete message of a known type and size; the reader moved past it.</summary>
    Message,

    /// <summary>No bytes left: the buffer ended exactly on a message boundary.</summary>
    End,

    /// <summary>Fewer bytes remain than the next message needs; the reader stays put so the caller can
    /// append more data (a stream) or report a torn tail (a file).</summary>
    Truncated,

    /// <summary>A length-prefixed message of a type we do not know; the reader moved past it.</summary>
    UnknownType,

    /// <summary>A length-prefixed message whose prefix disagrees with its type's fixed size; the reader
    /// trusted the prefix and moved past it.</summary>
    LengthMismatch,

    /// <summary>An unknown type behind a zero prefix: its length cannot be known, so the reader cannot go
    /// on and stays put.</summary>
    Unsynchronized,
}
