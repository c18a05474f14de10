using Exchange.Journal.Storage;

namespace Exchange.Journal.Tests.Storage;

public class FaultInjectingJournalStorageTests
{
    private const string Name = "journal-00000000000000000001.seg";
    private readonly MemoryJournalStorage _memory = new();
    private readonly FaultInjectingJournalStorage _storage;

    public FaultInjectingJournalStorageTests() => _storage = new FaultInjectingJournalStorage(_memory);

    [Fact]
    public void ShouldKeepEverythingFlushedThroughAnyCrash()
    {
        for (int seed = 0; seed < 50; seed++)
        {
            var memory = new MemoryJournalStorage();
            var storage = new FaultInjectingJournalStorage(memory);
            var segment = storage.Create(Name, 100);
            segment.Write(0, [1, 2, 3]);
            segment.FlushToDisk();
            segment.Write(3, [4, 5, 6]);

            storage.Crash(seed, tearLastKeptWrite: true, losePageCache: seed % 2 == 0);

            Assert.Equal([1, 2, 3], JournalFiles.Bytes(memory, Name)[..3]);
        }
    }

    [Fact]
    public void ShouldLoseEveryUnflushedWriteWhenThePageCacheIsLost()
    {
        var segment = _storage.Create(Name, 10);
        segment.Write(0, [1]);
        segment.FlushToDisk();
        segment.Write(1, [2]);
        segment.Write(2, [3]);

        var outcome = _storage.Crash(seed: 7, losePageCache: true);

        Assert.Equal(new CrashOutcome(2, 0, -1), outcome);
        Assert.Equal([1, 0, 0], JournalFiles.Bytes(_memory, Name)[..3]);
    }

    [Fact]
    public void ShouldUndoAnUnflushedCreate()
    {
        _storage.Create(Name, 10);

        _storage.Crash(seed: 1, losePageCache: true);

        Assert.Empty(_memory.ListSegments());
    }

    [Fact]
    public void ShouldKeepAPrefixOfUnflushedWritesInIssueOrder()
    {
        for (int seed = 0; seed < 100; seed++)
        {
            var memory = new MemoryJournalStorage();
            var storage = new FaultInjectingJournalStorage(memory);
            var segment = storage.Create(Name, 8);
            segment.FlushToDisk();
            for (int i = 0; i < 8; i++)
            {
                segment.Write(i, [(byte)(i + 1)]);
            }

            var outcome = storage.Crash(seed, tearLastKeptWrite: false);

            var bytes = JournalFiles.Bytes(memory, Name);
            int kept = bytes.AsSpan().IndexOf((byte)0) is var z and >= 0 ? z : 8;
            Assert.Equal(outcome.KeptOperations, kept);
            Assert.All(bytes[kept..], b => Assert.Equal(0, b));
        }
    }

    [Fact]
    public void ShouldTearTheLastKeptWriteAtTheReportedByte()
    {
        int torn = 0;
        for (int seed = 0; seed < 50; seed++)
        {
            var memory = new MemoryJournalStorage();
            var storage = new FaultInjectingJournalStorage(memory);
            var segment = storage.Create(Name, 100);
            segment.FlushToDisk();
            segment.Write(0, Enumerable.Range(1, 100).Select(i => (byte)i).ToArray());

            var outcome = storage.Crash(seed);

            var bytes = JournalFiles.Bytes(memory, Name);
            if (outcome.KeptOperations == 1)
            {
                torn++;
                Assert.InRange(outcome.TornAtByte, 1, 99);
                Assert.Equal(outcome.TornAtByte, bytes.AsSpan().IndexOf((byte)0));
            }
            else
            {
                Assert.All(bytes, b => Assert.Equal(0, b));
            }
        }
        Assert.InRange(torn, 1, 49);
    }

    [Fact]
    public void ShouldCrashTheSameWayForTheSameSeed()
    {
        static byte[] Run(int seed)
        {
            var memory = new MemoryJournalStorage();
            var storage = new FaultInjectingJournalStorage(memory);
            var segment = storage.Create(Name, 1000);
            for (int i = 0; i < 10; i++)
            {
                segment.Write(i * 100, Enumerable.Repeat((byte)(i + 1), 100).ToArray());
            }
            storage.Crash(seed);
            return JournalFiles.Bytes(memory, Name);
        }

        Assert.Equal(Run(11), Run(11));
        Assert.Equal(Run(12), Run(12));
    }

    [Fact]
    public void ShouldRefuseAllIoAfterACrash()
    {
        var segment = _storage.Create(Name, 10);
        _storage.Crash(seed: 1);

        Assert.Throws<IOException>(() => segment.Write(0, [1]));
        Assert.Throws<IOException>(() => segment.Read(0, new byte[1]));
        Assert.Throws<IOException>(segment.FlushToDisk);
        Assert.Throws<IOException>(() => _storage.ListSegments());
        Assert.Throws<IOException>(() => _storage.Open(Name));
    }

    [Fact]
    public void ShouldCrashRightAfterTheArmedOperation()
    {
        var segment = _storage.Create(Name, 10);
        _storage.CrashAfter(3, seed: 1, losePageCache: true);
        segment.Write(0, [1]);

        Assert.Throws<IOException>(() => segment.Write(1, [2]));
        Assert.True(_storage.HasCrashed);
        Assert.Equal(3, _storage.OperationCount);
    }
}
