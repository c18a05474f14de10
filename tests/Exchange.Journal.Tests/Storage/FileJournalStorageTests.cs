using Exchange.Journal.Storage;

namespace Exchange.Journal.Tests.Storage;

public sealed class FileJournalStorageTests : JournalStorageContractTests
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "exchange-journal-tests", Guid.NewGuid().ToString("N"));

    protected override IJournalStorage CreateStorage() => new FileJournalStorage(_directory);

    protected override IJournalStorage ReopenStorage() => new FileJournalStorage(_directory);

    [Fact]
    public void ShouldIgnoreFilesThatAreNotSegments()
    {
        Storage.Create("journal-00000000000000000001.seg", 10).Dispose();
        File.WriteAllText(Path.Combine(_directory, "notes.txt"), "hello");

        Assert.Equal(["journal-00000000000000000001.seg"], Storage.ListSegments());
    }

    protected override void DisposeStorage()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
