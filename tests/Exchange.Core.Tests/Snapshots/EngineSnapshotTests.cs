using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Matching;
using Exchange.Core.Snapshots;
using Exchange.Core.Tests.Matching;

namespace Exchange.Core.Tests.Snapshots;

public class EngineSnapshotTests
{
    /// <summary>A stream that leaves orders of every kind on the books: resting, iceberg, stops, OCO, GTD, DAY.</summary>
    private static List<Command> Workload(int rounds)
    {
        var commands = SteadyWorkload.Instruments().ToList();
        for (int r = 0; r < rounds; r++)
        {
            commands.AddRange(SteadyWorkload.Block(r * 1000L)
                .Where(c => c.Type is not (CommandType.MassCancel or CommandType.EndOfDay))
                .Select(c => c.Type == CommandType.NewOrder && c.ClientId.ToString() is var id
                    ? c with
                    {
                        ClientId = ClientOrderId.Parse($"{id}-{r}"),
                        OrigClientId = c.OrigClientId.IsEmpty ? c.OrigClientId : ClientOrderId.Parse($"{c.OrigClientId}-{r}"),
                        EntrySession = r % 3, // two sessions and "none": the snapshot keeps each order's
                    }
                    : c));
        }
        return commands;
    }

    [Fact]
    public void ShouldRestoreTheSameStateAndBehaveIdenticallyAfterwards()
    {
        var commands = Workload(12);
        int cut = commands.Count * 2 / 3;
        var original = new MatchingEngine();
        foreach (var c in commands.Take(cut))
        {
            original.Process(in c);
        }
        Assert.True(original.LiveOrderCount > 20);

        var stream = new MemoryStream();
        original.WriteSnapshot(stream);
        stream.Position = 0;
        var restored = MatchingEngine.ReadSnapshot(stream);

        Assert.Equal(original.ComputeStateDigest(), restored.ComputeStateDigest());
        Assert.Equal(original.Sequence, restored.Sequence);
        foreach (var c in commands.Skip(cut).Append(new Command { Type = CommandType.MassCancel, Account = 3, EntrySession = 1 })
                     .Append(new Command { Type = CommandType.MassCancel, Account = 4 })
                     .Append(new Command { Type = CommandType.EndOfDay, Timestamp = 99_000 })
                     .Append(new Command { Type = CommandType.AdvanceTime, Timestamp = 100_000 }))
        {
            var a = MemoryMarshal.AsBytes(original.Process(in c)).ToArray();
            var b = MemoryMarshal.AsBytes(restored.Process(in c)).ToArray();
            Assert.Equal(a, b);
        }
        Assert.Equal(original.ComputeStateDigest(), restored.ComputeStateDigest());
    }

    [Fact]
    public void ShouldRefuseADamagedSnapshot()
    {
        var engine = new MatchingEngine();
        foreach (var c in Workload(3))
        {
            engine.Process(in c);
        }
        var stream = new MemoryStream();
        engine.WriteSnapshot(stream);
        byte[] bytes = stream.ToArray();

        Assert.Throws<InvalidDataException>(() => MatchingEngine.ReadSnapshot(new MemoryStream(bytes[..(bytes.Length / 2)])));
        var flipped = (byte[])bytes.Clone();
        flipped[bytes.Length / 2] ^= 0x40;
        Assert.Throws<InvalidDataException>(() => MatchingEngine.ReadSnapshot(new MemoryStream(flipped)));
        var badMagic = (byte[])bytes.Clone();
        badMagic[0] ^= 1;
        Assert.Throws<InvalidDataException>(() => MatchingEngine.ReadSnapshot(new MemoryStream(badMagic)));
    }

    [Fact]
    public void ShouldReadAFormat2SnapshotWhoseOrdersHaveNoEntrySession()
    {
        var engine = new MatchingEngine();
        foreach (var c in Workload(3).Select(c => c with { EntrySession = 0 }))
        {
            engine.Process(in c);
        }
        var stream = new MemoryStream();
        engine.WriteSnapshot(stream);

        var restored = MatchingEngine.ReadSnapshot(new MemoryStream(AsFormat2(stream.ToArray())));

        Assert.Equal(engine.ComputeStateDigest(), restored.ComputeStateDigest());
        Assert.Equal(engine.LiveOrderCount, restored.LiveOrderCount);
    }

    /// <summary>What format 2 wrote for the same state: other magics, order records without the trailing entry
    /// session, a new checksum.</summary>
    private static byte[] AsFormat2(byte[] format3)
    {
        const int headerBytes = 8 + 3 * 8 + 2 * 4;
        const int instrumentBytes = 16 + 5 * 8 + 4 + 1 + 8 + 4;
        const int orderBytes = 8 + 4 + 8 + 32 + 9 * 8 + 7 + 12 + 8;
        var source = format3.AsSpan();
        int instruments = BinaryPrimitives.ReadInt32LittleEndian(source[32..]);
        int orders = BinaryPrimitives.ReadInt32LittleEndian(source[36..]);
        int ordersStart = headerBytes + instruments * instrumentBytes + 4;
        var result = new List<byte>(format3.Length);
        result.AddRange(source[..ordersStart].ToArray());
        for (int i = 0; i < orders; i++)
        {
            result.AddRange(source.Slice(ordersStart + i * orderBytes, orderBytes - 8).ToArray());
        }
        result.AddRange(source[(ordersStart + orders * orderBytes)..^8].ToArray());
        var body = result.ToArray();
        BinaryPrimitives.WriteUInt64LittleEndian(body, EngineSnapshotWriter.MagicV2);
        BinaryPrimitives.WriteUInt64LittleEndian(body.AsSpan(body.Length - 8), EngineSnapshotWriter.MagicV2);
        return [.. body, .. BitConverter.GetBytes(XxHash64.HashToUInt64(body))];
    }
}
