using Exchange.MarketData.Itch;
using Exchange.MarketData.Mold;

namespace Exchange.MarketData.Tests;

public class MoldPacketTests
{
    private static readonly MoldSession Session = MoldSession.Create("SESSION01");

    [Fact]
    public void APacketHasTheSpecLayoutAndRoundTrips()
    {
        var buffer = new byte[64];
        var writer = new MoldPacketWriter(buffer, Session, 0x0102030405060708);
        Assert.True(writer.TryAdd([0xAA, 0xBB]));
        Assert.True(writer.TryAdd([0xCC]));
        int length = writer.Complete();

        // "SESSION01 " then sequence, count 2, then 0002 AABB and 0001 CC.
        var expected = "53455353494F4E303120 0102030405060708 0002 0002AABB 0001CC";
        Assert.Equal(Hex.Format(Hex.Parse(expected)), Hex.Format(buffer.AsSpan(0, length)));

        Assert.True(MoldPacketReader.TryCreate(buffer.AsSpan(0, length), out var reader));
        Assert.Equal(new MoldPacketHeader(Session, 0x0102030405060708, 2), reader.Header);
        Assert.Equal(MoldReadStatus.Message, reader.Read(out var first, out ulong s1));
        Assert.Equal([0xAA, 0xBB], first.ToArray());
        Assert.Equal(0x0102030405060708UL, s1);
        Assert.Equal(MoldReadStatus.Message, reader.Read(out var second, out ulong s2));
        Assert.Equal([0xCC], second.ToArray());
        Assert.Equal(0x0102030405060709UL, s2);
        Assert.Equal(MoldReadStatus.End, reader.Read(out _, out _));
        Assert.Equal("SESSION01", Session.ToString());
    }

    [Fact]
    public void AHeartbeatAndAnEndOfSessionCarryNoMessages()
    {
        var buffer = new byte[MoldPacketHeader.Size];
        Assert.Equal(20, MoldPacketWriter.WriteHeartbeat(buffer, Session, 42));
        Assert.True(MoldPacketReader.TryCreate(buffer, out var heartbeat));
        Assert.True(heartbeat.Header.IsHeartbeat);
        Assert.Equal(42UL, heartbeat.Header.SequenceNumber);
        Assert.Equal(MoldReadStatus.End, heartbeat.Read(out _, out _));

        MoldPacketWriter.WriteEndOfSession(buffer, Session, 43);
        Assert.Equal("FFFF", Hex.Format(buffer.AsSpan(18)));
        Assert.True(MoldPacketReader.TryCreate(buffer, out var end));
        Assert.True(end.Header.IsEndOfSession);
        Assert.Equal(0, end.AnnouncedMessages);
        Assert.Equal(MoldReadStatus.End, end.Read(out _, out _));
    }

    [Fact]
    public void AnEmptyCompletedWriterIsAHeartbeat()
    {
        var buffer = new byte[100];
        var writer = new MoldPacketWriter(buffer, Session, 7);
        Assert.Equal(MoldPacketHeader.Size, writer.Complete());
        Assert.True(MoldPacketHeader.TryRead(buffer, out var header));
        Assert.True(header.IsHeartbeat);
    }

    [Fact]
    public void ManyMessagesPackIntoPacketsOfAtMostTheMaxSizeWithConsecutiveSequenceNumbers()
    {
        const int maxPacket = 1_400;
        const int total = 1_000;
        var packets = new List<byte[]>();
        var buffer = new byte[maxPacket];
        ulong next = 1;
        int added = 0;
        while (added < total)
        {
            var writer = new MoldPacketWriter(buffer, Session, next);
            while (added < total && writer.TryReserve(AddOrder.Size, out var slot))
            {
                new AddOrder(new ItchHeader(1, 0, added), (ulong)added + 1, ItchSide.Buy, 100, ItchStock.Create("AAPL"), 10_000).Write(slot);
                added++;
            }
            Assert.True(writer.MessageCount > 0);
            packets.Add(buffer.AsSpan(0, writer.Complete()).ToArray());
            next = writer.NextSequenceNumber;
        }

        // 1,400 bytes hold (1,400 − 20) / 38 = 36 add orders.
        Assert.Equal((total + 35) / 36, packets.Count);
        ulong expected = 1;
        foreach (var packet in packets)
        {
            Assert.InRange(packet.Length, MoldPacketHeader.Size, maxPacket);
            Assert.True(MoldPacketReader.TryCreate(packet, out var reader));
            Assert.Equal(expected, reader.Header.SequenceNumber);
            while (reader.Read(out var message, out ulong sequence) == MoldReadStatus.Message)
            {
                Assert.Equal(expected, sequence);
                Assert.True(AddOrder.TryRead(message, out var add));
                Assert.Equal(expected, add.OrderReference);
                expected++;
            }
        }
        Assert.Equal((ulong)total + 1, expected);
    }

    [Fact]
    public void AMessageThatDoesNotFitLeavesThePacketUnchanged()
    {
        var buffer = new byte[MoldPacketHeader.Size + 5];
        var writer = new MoldPacketWriter(buffer, Session, 1);
        Assert.True(writer.TryAdd([1, 2, 3]));
        Assert.False(writer.TryAdd([4]));
        Assert.Equal(1, writer.MessageCount);
        Assert.Equal(25, writer.Length);
    }

    [Fact]
    public void ATruncatedPacketIsReportedAndGarbageNeverThrows()
    {
        var buffer = new byte[64];
        var writer = new MoldPacketWriter(buffer, Session, 1);
        writer.TryAdd([1, 2, 3]);
        writer.TryAdd([4, 5, 6]);
        int length = writer.Complete();
        Assert.True(MoldPacketReader.TryCreate(buffer.AsSpan(0, length - 1), out var reader));
        Assert.Equal(MoldReadStatus.Message, reader.Read(out _, out _));
        Assert.Equal(MoldReadStatus.Truncated, reader.Read(out _, out _));
        Assert.False(MoldPacketReader.TryCreate(buffer.AsSpan(0, 19), out _));

        var random = new Random(64);
        for (int round = 0; round < 2_000; round++)
        {
            var data = new byte[random.Next(0, 120)];
            random.NextBytes(data);
            if (MoldPacketReader.TryCreate(data, out var r))
            {
                for (int i = 0; i < 70_000 && r.Read(out _, out _) == MoldReadStatus.Message; i++)
                {
                }
            }
        }
    }
}
