using System.Buffers.Binary;
using System.IO.Hashing;
using Exchange.Core.Matching;
using Exchange.Core.Tests.Matching;

namespace Exchange.Core.Tests.Snapshots;

/// <summary>A snapshot whose queues name an order that is not among its orders, or name one twice, is refused even
/// when its checksum is right (the restore gives slots in queue order from the queues it reads first).</summary>
public class SnapshotQueueDamageTests
{
    /// <summary>A snapshot of 1,500 resting orders with ids spread over 3,000 (every other one cancelled), and the
    /// snapshot's body (without its checksum).</summary>
    private static (byte[] Body, List<long> Live) Snapshot()
    {
        var d = new EngineDriver();
        for (int n = 0; n < 3000; n++)
        {
            d.Buy(2 + n % 5, $"b{n}", (60 + n % 30).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".00", 1 + n % 7);
        }
        for (int n = 1; n < 3000; n += 2)
        {
            d.Cancel(2 + n % 5, $"b{n}");
        }
        var live = d.Engine.GetRestingOrders(Exchange.Core.Domain.Symbol.Parse(EngineDriver.Symbol)).Select(o => o.OrderId).ToList();
        var stream = new MemoryStream();
        d.Engine.WriteSnapshot(stream);
        return (stream.ToArray()[..^8], live);
    }

    /// <summary>Offsets where <paramref name="value"/> is written as 8 little-endian bytes.</summary>
    private static List<int> Occurrences(byte[] body, long value)
    {
        var found = new List<int>();
        for (int i = 0; i + 8 <= body.Length; i++)
        {
            if (BinaryPrimitives.ReadInt64LittleEndian(body.AsSpan(i)) == value)
            {
                found.Add(i);
            }
        }
        return found;
    }

    /// <summary>The offset of a live order's id in the queues: the second of exactly two places the id is written
    /// (its order record, then its queue).</summary>
    private static (long OrderId, int QueueOffset) QueuedId(byte[] body, List<long> live)
    {
        foreach (long id in live.Skip(100))
        {
            if (Occurrences(body, id) is [_, int queued])
            {
                return (id, queued);
            }
        }
        throw new InvalidOperationException("no order id written exactly twice");
    }

    private static MemoryStream WithChecksum(byte[] body)
    {
        var bytes = new byte[body.Length + 8];
        body.CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(body.Length), XxHash64.HashToUInt64(body));
        return new MemoryStream(bytes);
    }

    [Fact]
    public void ShouldRefuseAQueueNamingAnOrderThatIsNotInTheSnapshot()
    {
        var (body, live) = Snapshot();
        var (orderId, offset) = QueuedId(body, live);
        Assert.DoesNotContain(orderId + 1, live); // a cancelled order's id, inside the range of live ids
        BinaryPrimitives.WriteInt64LittleEndian(body.AsSpan(offset), orderId + 1);

        Assert.Throws<InvalidDataException>(() => MatchingEngine.ReadSnapshot(WithChecksum(body)));
    }

    [Fact]
    public void ShouldRefuseAQueueNamingAnOrderTwice()
    {
        var (body, live) = Snapshot();
        var (orderId, offset) = QueuedId(body, live);
        long other = live.First(id => id != orderId);
        BinaryPrimitives.WriteInt64LittleEndian(body.AsSpan(offset), other);

        Assert.Throws<InvalidDataException>(() => MatchingEngine.ReadSnapshot(WithChecksum(body)));
    }

    [Fact]
    public void AnUntouchedBodyWithItsChecksumShouldLoad()
    {
        var (body, _) = Snapshot();

        Assert.Equal(1500, MatchingEngine.ReadSnapshot(WithChecksum(body)).LiveOrderCount);
    }
}
