using Exchange.MarketData.Itch;

namespace Exchange.MarketData.Tests;

public class ItchStreamReaderTests
{
    /// <summary>Returns at most a few bytes per read, so messages straddle reads.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
    }

    private static (int Messages, ItchReadStatus Last, long Position) ReadAll(Stream stream)
    {
        var reader = new ItchStreamReader(stream, ItchStreamReader.MinBufferSize);
        int messages = 0;
        ItchReadStatus status;
        while ((status = reader.Read(out _)) == ItchReadStatus.Message)
        {
            messages++;
        }
        return (messages, status, reader.Position);
    }

    private static byte[] Deletes(int count)
    {
        var data = new byte[count * (2 + OrderDelete.Size)];
        for (int i = 0; i < count; i++)
        {
            new OrderDelete(new ItchHeader(1, 0, i), (ulong)i).Write(data.AsSpan(i * 21 + 2));
        }
        return data;
    }

    [Fact]
    public void MessagesSplitAcrossStreamReadsAreReassembled()
    {
        Assert.Equal((5_000, ItchReadStatus.End, 5_000L * 21), ReadAll(new TrickleStream(Deletes(5_000), 7)));
    }

    [Fact]
    public void AStreamEndingInsideAMessageIsTruncatedAtThatMessage()
    {
        var data = Deletes(3);
        Assert.Equal((2, ItchReadStatus.Truncated, 42L), ReadAll(new TrickleStream(data[..^5], 4)));
    }

    [SampleFileFact]
    public void TheSampleFileStreamsWithTheSameCountAsTheBuffer()
    {
        using var file = File.OpenRead(SampleFile.Find()!);
        Assert.Equal((12_012, ItchReadStatus.End, 465_048L), ReadAll(file));
    }
}
