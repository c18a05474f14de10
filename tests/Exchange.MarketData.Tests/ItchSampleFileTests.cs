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
}
