using Exchange.MarketData.Itch;
using Exchange.MarketData.Mold;

namespace Exchange.MarketData.Tests;

/// <summary>The sample file carried through MoldUDP64 packets and read back, as a feed handler would see it.</summary>
public class MoldItchSampleTests
{
    [SampleFileFact]
    public void TheSampleFileSurvivesPackingIntoMoldPacketsWithConsecutiveSequenceNumbers()
    {
        var session = MoldSession.Create("20101224");
        var packets = new List<byte[]>();
        var buffer = new byte[1_400];
        var writer = new MoldPacketWriter(buffer, session, 1);
        var reader = new ItchReader(SampleFile.Read());
        while (reader.Read(out var message) == ItchReadStatus.Message)
        {
            if (!writer.TryAdd(message))
            {
                packets.Add(buffer.AsSpan(0, writer.Complete()).ToArray());
                writer = new MoldPacketWriter(buffer, session, writer.NextSequenceNumber);
                Assert.True(writer.TryAdd(message));
            }
        }
        packets.Add(buffer.AsSpan(0, writer.Complete()).ToArray());
        var end = new byte[MoldPacketHeader.Size];
        MoldPacketWriter.WriteEndOfSession(end, session, writer.NextSequenceNumber);
        packets.Add(end);

        var handler = new CountingHandler();
        ulong expected = 1;
        bool ended = false;
        foreach (var packet in packets)
        {
            Assert.InRange(packet.Length, MoldPacketHeader.Size, 1_400);
            Assert.True(MoldPacketReader.TryCreate(packet, out var mold));
            Assert.Equal(session, mold.Header.Session);
            Assert.Equal(expected, mold.Header.SequenceNumber);
            ended = mold.Header.IsEndOfSession;
            while (mold.Read(out var message, out ulong sequence) == MoldReadStatus.Message)
            {
                Assert.Equal(expected++, sequence);
                Assert.True(ItchDispatcher.Dispatch(message, ref handler));
            }
        }

        Assert.True(ended);
        Assert.Equal(12_013UL, expected);
        Assert.Equal(12_012, handler.Counts.Values.Sum());
        Assert.Equal(5_000, handler.Counts['P']);
    }
}
