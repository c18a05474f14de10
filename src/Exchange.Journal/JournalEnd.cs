namespace Exchange.Journal;

/// <summary>Where the intact log ends, as found by a <see cref="JournalReader"/> that read to the end.</summary>
/// <param name="LastSegment">The last segment with an intact header; null if there is none.</param>
/// <param name="AppendOffset">Offset in <paramref name="LastSegment"/> where the next record goes.</param>
/// <param name="NextSequence">Sequence the next record must have; null if there is no intact segment.</param>
/// <param name="LastChainHash">Chain hash the next record chains from.</param>
/// <param name="TornTail">The torn tail after the intact log, if any.</param>
/// <param name="IncompleteSegment">A last segment whose header never fully reached the disk and that holds nothing
/// else, if any: a crash during a roll to a new segment.</param>
public sealed record JournalEnd(string? LastSegment, long AppendOffset, long? NextSequence, ulong LastChainHash,
    TornTail? TornTail, string? IncompleteSegment);
