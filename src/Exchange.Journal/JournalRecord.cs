using Exchange.Core.Commands;

namespace Exchange.Journal;

/// <summary>One command as read back from the journal, with the sequence and timestamp from its record header.</summary>
public readonly record struct JournalRecord(long Sequence, long Timestamp, Command Command);
