using Exchange.Journal.Storage;

namespace Exchange.Journal.Tests.Storage;

public sealed class DataSyncTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "exchange-datasync-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void ShouldFlushAWrittenFile()
    {
        using (var handle = File.OpenHandle(_path, FileMode.CreateNew, FileAccess.ReadWrite))
        {
            RandomAccess.Write(handle, "durable"u8, 0);
            DataSync.Flush(handle);
        }

        Assert.Equal("durable"u8.ToArray(), File.ReadAllBytes(_path));
    }

    [Fact]
    public void ShouldRefuseAClosedHandle()
    {
        var handle = File.OpenHandle(_path, FileMode.CreateNew, FileAccess.ReadWrite);
        handle.Dispose();

        Assert.Throws<ObjectDisposedException>(() => DataSync.Flush(handle));
    }

    public void Dispose() => File.Delete(_path);
}
