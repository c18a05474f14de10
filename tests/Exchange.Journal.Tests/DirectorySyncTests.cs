using Exchange.Journal.Storage;

namespace Exchange.Journal.Tests;

public class DirectorySyncTests
{
    [Fact]
    public void ShouldSyncAnExistingDirectory()
    {
        string directory = Path.Combine(Path.GetTempPath(), "exchange-dirsync-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            DirectorySync.Flush(directory);
        }
        finally
        {
            Directory.Delete(directory);
        }
    }

    [Fact]
    public void ShouldReportAMissingDirectory()
    {
        if (OperatingSystem.IsLinux())
        {
            Assert.Throws<IOException>(() => DirectorySync.Flush("/nonexistent/" + Guid.NewGuid().ToString("N")));
        }
    }
}
