namespace Exchange.Journal.Storage;

/// <summary>A mutation <see cref="FaultInjectingJournalStorage"/> can still lose in a crash.</summary>
internal enum PendingOperationKind
{
    Create,
    Write,
    SetLength,
}
