namespace Exchange.Fix.Codec;

/// <summary>Outcome of looking for the next framed message at the start of a buffer.</summary>
public enum FixReadStatus
{
    /// <summary>A complete message with a valid checksum starts at offset 0.</summary>
    Complete,

    /// <summary>The buffer holds the beginning of what may still be a valid message; read more bytes.</summary>
    NeedMoreData,

    /// <summary>The bytes at offset 0 are not a valid message; skip <see cref="FixReadResult.Length"/> bytes and try again.</summary>
    Garbled,
}
