using Exchange.MarketData.Itch;
using Exchange.MarketData.Mold;

namespace Exchange.MarketData.Tests;

/// <summary>The codecs promise not to allocate: encode, frame, read and decode in a loop and count bytes.</summary>
public class AllocationTests
{
    private static long EncodeFrameAndDecode(byte[] packet, int rounds)
    {
        var session = MoldSession.Create("ALLOC");
        var stock = ItchStock.Create("AAPL");
        long checksum = 0;
        for (int i = 0; i < rounds; i++)
        {
            var writer = new MoldPacketWriter(packet, session, (ulong)i);
            while (writer.TryReserve(AddOrder.Size, out var slot))
            {
                new AddOrder(new ItchHeader(1, 0, i), (ulong)i, ItchSide.Buy, 100, stock, 10_000).Write(slot);
            }
            int length = writer.Complete();
            MoldPacketReader.TryCreate(packet.AsSpan(0, length), out var reader);
            while (reader.Read(out var message, out _) == MoldReadStatus.Message)
            {
                AddOrder.TryRead(message, out var add);
                checksum += add.Shares + ItchPrice.ToEngine(add.Price);
            }
        }
        return checksum;
    }

    [Fact]
    public void EncodingFramingAndDecodingAllocateNothing()
    {
        var packet = new byte[1_400];
        EncodeFrameAndDecode(packet, 1_000); // JIT, tiering and statics first.
        // The runtime may still allocate on this thread once (a late tier-up under a loaded machine): the code
        // allocates nothing if any one of a few measured runs allocated nothing.
        long allocated = long.MaxValue;
        for (int attempt = 0; attempt < 3 && allocated != 0; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            long checksum = EncodeFrameAndDecode(packet, 1_000);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(checksum > 0);
        }
        Assert.Equal(0, allocated);
    }
}
