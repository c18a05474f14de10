using Exchange.Journal.Storage;

namespace Exchange.Journal.Tests.Storage;

public sealed class MemoryJournalStorageTests : JournalStorageContractTests
{
    private readonly MemoryJournalStorage _memory = new();

    protected override IJournalStorage CreateStorage() => _memory;

    protected override IJournalStorage ReopenStorage() => _memory;
}
