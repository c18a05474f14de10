using System.Diagnostics;
using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Journal;
using Exchange.Journal.Storage;

namespace Exchange.Server.Bench.Durable;

/// <summary>The journal alone on this disk: group commits of 1, 10, 100 and 1,000 records (append + one
/// write + one fdatasync each), records/s, MB/s and the distribution of the flush (fdatasync) time.</summary>
internal static class JournalBenchmark
{
    /// <summary>Bytes of one command record on disk (header 24 + payload 184 + trailer 12).</summary>
    public const int RecordBytes = 220;

    public static IEnumerable<DurableFigures> Run(string directory, TimeSpan perBatchSize)
    {
        var command = new Command
        {
            Type = CommandType.NewOrder, Account = 1, ClientId = ClientOrderId.Parse("bench"), Symbol = Symbol.Parse("AAPL"),
            Side = Side.Buy, OrderType = OrderType.Limit, TimeInForce = TimeInForce.Gtc, Price = Price.Parse("100.00"), Quantity = 10,
        };
        foreach (int batch in new[] { 1, 10, 100, 1_000 })
        {
            string path = Path.Combine(directory, $"journal-batch-{batch}");
            using var storage = new FileJournalStorage(path);
            using var writer = JournalWriter.Open(storage, new JournalOptions { Durability = DurabilityMode.Fsync });
            var flushes = DurableFigures.NewHistogram();
            long records = 0;
            long sequence = writer.NextSequence;
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < perBatchSize)
            {
                for (int i = 0; i < batch; i++)
                {
                    command.Timestamp = sequence;
                    writer.Append(in command, sequence++);
                }
                long before = Stopwatch.GetTimestamp();
                writer.Flush();
                DurableFigures.RecordInterval(flushes, before, Stopwatch.GetTimestamp());
                records += batch;
            }
            double seconds = watch.Elapsed.TotalSeconds;
            yield return DurableFigures.From($"journal batch {batch}", records, seconds, records * (double)RecordBytes / 1e6, flushes,
                "latency = one group commit (write + fdatasync)");
        }
    }
}
