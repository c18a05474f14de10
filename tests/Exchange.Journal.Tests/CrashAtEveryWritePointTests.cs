using Exchange.Journal.Storage;

namespace Exchange.Journal.Tests;

/// <summary>The journal's central promise, checked at every point a crash can strike (TigerBeetle-style
/// deterministic fault injection; Jepsen's lesson that page-cache loss must be simulated, not just kill -9):
/// whatever <see cref="JournalWriter.DurableSequence"/> said was durable survives, what survives is a prefix of
/// what was written, and the journal accepts appends again after recovery.</summary>
public class CrashAtEveryWritePointTests
{
    private const int Commands = 2_000;
    private const int WorkloadSeed = 2026;

    // Small segments and a small write buffer so the workload rolls ~40 segments and also flushes on a full buffer.
    private static readonly JournalOptions Options = new()
    {
        SegmentBytes = JournalFiles.SegmentFor(50) + 100,
        WriteBufferBytes = JournalFiles.RecordLength * 24,
    };

    [Fact]
    public void ShouldLoseNothingDurableWhereverACrashTearsTheLastWrite() => CrashAtEveryPoint(losePageCache: false);

    [Fact]
    public void ShouldLoseNothingDurableWhereverACrashLosesThePageCache() => CrashAtEveryPoint(losePageCache: true);

    [Fact]
    public void ShouldRunTheWholeWorkloadWithoutACrash()
    {
        var memory = new MemoryJournalStorage();
        long operations = RunWorkload(new FaultInjectingJournalStorage(memory), out long durable);

        Assert.Equal(Commands, durable);
        Assert.True(operations > 200, $"only {operations} operations");
        Assert.Equal(Commands, JournalFiles.ReadAll(memory).Count);
    }

    private static void CrashAtEveryPoint(bool losePageCache)
    {
        long total = RunWorkload(new FaultInjectingJournalStorage(new MemoryJournalStorage()), out _);
        for (long point = 1; point <= total; point++)
        {
            int seed = unchecked((int)(point * 7_919 + (losePageCache ? 1 : 0)));
            var memory = new MemoryJournalStorage();
            var storage = new FaultInjectingJournalStorage(memory);
            storage.CrashAfter(point, seed, tearLastKeptWrite: true, losePageCache);

            RunWorkload(storage, out long durableAtCrash);

            Assert.True(storage.HasCrashed, $"no crash at operation {point}");
            string context = $"crash after operation {point} (seed {seed}, {storage.Outcome})";
            VerifyRecovery(memory, durableAtCrash, context);
        }
    }

    /// <summary>Appends the workload, flushing after seeded batch sizes, until done or the storage crashes.
    /// Returns the operations performed; <paramref name="durable"/> is the DurableSequence at the end (or crash).</summary>
    private static long RunWorkload(FaultInjectingJournalStorage storage, out long durable)
    {
        var random = new Random(WorkloadSeed);
        JournalWriter? writer = null;
        try
        {
            writer = JournalWriter.Open(storage, Options);
            int untilFlush = random.Next(1, 60);
            for (long s = 1; s <= Commands; s++)
            {
                writer.Append(CommandSamples.For(s), s);
                if (--untilFlush == 0)
                {
                    writer.Flush();
                    untilFlush = random.Next(1, 60);
                }
            }
            writer.Flush();
        }
        catch (IOException) when (storage.HasCrashed)
        {
            // The machine died here; what the writer had published as durable is what clients were told.
        }
        durable = writer?.DurableSequence ?? 0;
        writer?.Dispose();
        return storage.OperationCount;
    }

    private static void VerifyRecovery(MemoryJournalStorage memory, long durableAtCrash, string context)
    {
        // 1. Recovery succeeds: a crash only ever leaves a torn tail or an incomplete segment.
        JournalWriter writer;
        try
        {
            writer = JournalWriter.Open(memory, Options);
        }
        catch (JournalCorruptedException e)
        {
            Assert.Fail($"{context}: {e.Message}");
            return;
        }

        using (writer)
        {
            // 2. Everything acknowledged is there, and the log is a prefix of what was written.
            var records = JournalFiles.ReadAll(memory);
            Assert.True(records.Count >= durableAtCrash, $"{context}: durable {durableAtCrash} but recovered {records.Count}");
            for (int i = 0; i < records.Count; i++)
            {
                if (records[i].Sequence != i + 1 || !records[i].Command.Equals(CommandSamples.For(i + 1)))
                {
                    Assert.Fail($"{context}: record {i + 1} differs from what was written");
                }
            }

            // 3. Appending works and continues the chain.
            long next = records.Count + 1;
            Assert.Equal(next, writer.NextSequence);
            for (long s = next; s < next + 60; s++)
            {
                writer.Append(CommandSamples.For(s), s);
            }
            writer.Flush();
            Assert.Equal(next + 59, writer.DurableSequence);
            Assert.Equal(next + 59, JournalFiles.ReadAll(memory).Count);
        }
    }
}
