using System.Collections.Concurrent;
using Exchange.Journal;
using Exchange.Journal.Storage;

namespace Exchange.Server;

/// <summary>Recovers a shard's journal on a worker thread while the starting thread loads the snapshot: the worker
/// reads and verifies the journal from the segment the expected snapshot leaves off in (its repairs are those of
/// <see cref="JournalWriter.Open"/>) and hands the records after that snapshot over in bounded batches, which the
/// starting thread applies once its engine is loaded (<see cref="Drain"/>). If the snapshot loaded is not the one
/// expected (the newest was damaged), <see cref="Abandon"/> stops the worker; reading changes nothing on disk, and
/// the repairs after it do not depend on where reading started.</summary>
internal sealed class JournalPrefetch
{
    private const int BatchSize = 4096;
    private const int BatchesInFlight = 16; // at most ~64k decoded records wait for the engine

    private readonly BlockingCollection<JournalRecord[]> _batches = new(BatchesInFlight);
    private readonly CancellationTokenSource _abandon = new();
    private readonly Task<JournalWriter> _opening;

    /// <summary>Starts the worker. <paramref name="skipThrough"/>: the sequence of the snapshot expected to load.</summary>
    public JournalPrefetch(IJournalStorage storage, JournalOptions options, long skipThrough)
    {
        SkipThrough = skipThrough;
        _opening = Task.Factory.StartNew(() => Open(storage, options, skipThrough), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>The snapshot sequence the worker reads after.</summary>
    public long SkipThrough { get; }

    /// <summary>Applies every record after <see cref="SkipThrough"/>, in order, as the worker reads them; then returns
    /// the writer. Throws what the journal's recovery throws.</summary>
    public JournalWriter Drain(Action<JournalRecord> apply)
    {
        try
        {
            foreach (var batch in _batches.GetConsumingEnumerable())
            {
                foreach (var record in batch)
                {
                    apply(record);
                }
            }
        }
        catch
        {
            Abandon(); // the worker must not stay blocked on a full hand-over
            throw;
        }
        return _opening.GetAwaiter().GetResult();
    }

    /// <summary>Stops the worker and waits for it, discarding what it read (and closing the writer if it finished).</summary>
    public void Abandon()
    {
        _abandon.Cancel();
        foreach (var _ in _batches.GetConsumingEnumerable())
        {
        }
        try
        {
            _opening.GetAwaiter().GetResult().Dispose();
        }
        catch (Exception e) when (e is OperationCanceledException or JournalCorruptedException or IOException)
        {
            // Whatever it found, the caller reads the journal again from the snapshot it did load.
        }
    }

    private JournalWriter Open(IJournalStorage storage, JournalOptions options, long skipThrough)
    {
        try
        {
            var batch = new JournalRecord[BatchSize];
            int count = 0;
            var writer = JournalWriter.Open(storage, options, skipThrough: skipThrough, replay: record =>
            {
                if (record.Sequence <= skipThrough)
                {
                    return;
                }
                batch[count++] = record;
                if (count == BatchSize)
                {
                    _batches.Add(batch, _abandon.Token);
                    batch = new JournalRecord[BatchSize];
                    count = 0;
                }
            });
            if (count > 0)
            {
                _batches.Add(batch[..count], _abandon.Token);
            }
            return writer;
        }
        finally
        {
            _batches.CompleteAdding();
        }
    }
}
