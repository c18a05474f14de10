using Exchange.Core.Domain;
using Exchange.Core.Matching;
using Exchange.Core.Tests.Matching;

namespace Exchange.Core.Tests.Snapshots;

/// <summary>A snapshot read from a file of a megabyte or more is mapped rather than read into a buffer: the same
/// state, the same checks.</summary>
public sealed class MappedSnapshotTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"mapped-snapshot-{Guid.NewGuid():N}.snap");

    public void Dispose() => File.Delete(_path);

    /// <summary>An engine whose snapshot is over a megabyte (about 150 bytes per order).</summary>
    private static MatchingEngine Engine()
    {
        var d = new EngineDriver();
        for (int n = 0; n < 12_000; n++)
        {
            string price = (50 + n % 40).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".00";
            d.Buy(1 + n % 9, $"o{n}", price, 1 + n % 5);
        }
        return d.Engine;
    }

    /// <summary>Writes 16 bytes of something else (as the snapshot store's file header), then the snapshot.</summary>
    private byte[] WriteFile(MatchingEngine engine)
    {
        var state = new MemoryStream();
        engine.WriteSnapshot(state);
        Assert.True(state.Length >= 1 << 20);
        byte[] bytes = [.. new byte[16], .. state.ToArray()];
        File.WriteAllBytes(_path, bytes);
        return bytes;
    }

    [Fact]
    public void ShouldRestoreTheSameStateFromAMappedFile()
    {
        var engine = Engine();
        WriteFile(engine);

        using var file = File.OpenRead(_path);
        file.Position = 16;
        var restored = MatchingEngine.ReadSnapshot(file, null, verifyDigest: true, out ulong digest);

        Assert.Equal(file.Length, file.Position);
        Assert.Equal(engine.ComputeStateDigest(), digest);
        Assert.Equal(engine.ComputeStateDigest(), restored.ComputeStateDigest());
        Assert.Equal(engine.GetRestingOrders(Symbol.Parse(EngineDriver.Symbol)), restored.GetRestingOrders(Symbol.Parse(EngineDriver.Symbol)));
    }

    [Fact]
    public void ShouldRefuseADamagedOrTruncatedMappedFile()
    {
        byte[] bytes = WriteFile(Engine());
        bytes[bytes.Length / 2] ^= 0x10;
        File.WriteAllBytes(_path, bytes);
        using (var file = File.OpenRead(_path))
        {
            file.Position = 16;
            Assert.Throws<InvalidDataException>(() => MatchingEngine.ReadSnapshot(file));
        }

        bytes[bytes.Length / 2] ^= 0x10;
        File.WriteAllBytes(_path, bytes[..(bytes.Length - 100)]);
        using (var file = File.OpenRead(_path))
        {
            file.Position = 16;
            Assert.Throws<InvalidDataException>(() => MatchingEngine.ReadSnapshot(file));
        }
    }
}
