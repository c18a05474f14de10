using Exchange.MarketData.Itch;

namespace Exchange.MarketData.Tests;

/// <summary>Reads the public RITCH sample (zero length prefixes) end to end.</summary>
public class ItchSampleFileTests
{
    [SampleFileFact]
    public void TheSampleFileDecodesWithExactlyTheKnownCounts()
    {
        var data = SampleFile.Read();

        var reader = new ItchReader(data);
        var handler = new CountingHandler();
        int messages = 0;
        ItchReadStatus status;
        while ((status = reader.Read(out var message)) == ItchReadStatus.Message)
        {
            Assert.True(ItchDispatcher.Dispatch(message, ref handler));
            messages++;
        }

        Assert.Equal(ItchReadStatus.End, status);
        Assert.Equal(465_048, reader.Position);
        Assert.Equal(12_012, messages);
        var expected = new Dictionary<char, int>
        {
            ['S'] = 6, ['R'] = 3, ['H'] = 3, ['A'] = 4_997, ['F'] = 3, ['E'] = 198,
            ['X'] = 45, ['D'] = 1_745, ['U'] = 12, ['P'] = 5_000,
        };
        Assert.Equal(expected.OrderBy(kv => kv.Key), handler.Counts.OrderBy(kv => kv.Key));
    }

    [SampleFileFact]
    public void TheSampleFilesFirstStockDirectoryDecodesFieldByField()
    {
        var reader = new ItchReader(SampleFile.Read());
        StockDirectory directory = default;
        while (reader.Read(out var message) == ItchReadStatus.Message && !StockDirectory.TryRead(message, out directory))
        {
        }

        // Bytes 11..38 of the file's first R: 414C432020202020 4E 4E 00000064 4E 41 5A20 50 4E 4E 32 4E 00000000 4E.
        Assert.Equal(new StockDirectory(directory.Header, ItchStock.Create("ALC"), (byte)'N', (byte)'N', 100, (byte)'N',
            (byte)'A', 0x5A20, (byte)'P', (byte)'N', (byte)'N', (byte)'2', (byte)'N', 0, (byte)'N'), directory);
        Assert.Equal(1, directory.Header.StockLocate);
        Assert.Equal(0x0A66A2943614, directory.Header.Timestamp);
    }
}
