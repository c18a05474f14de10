namespace Exchange.Journal;

/// <summary>What <see cref="JournalRecovery.Recover"/> found and repaired.</summary>
/// <param name="End">Where the intact log ends; the writer appends from there.</param>
/// <param name="RecordCount">Intact records in the journal.</param>
/// <param name="TornTail">The torn tail that was zeroed, if any (reported so operators see every repair).</param>
/// <param name="DeletedSegment">An incomplete last segment (crash during a roll) that was deleted, if any.</param>
public sealed record RecoveryResult(JournalEnd End, long RecordCount, TornTail? TornTail, string? DeletedSegment);
