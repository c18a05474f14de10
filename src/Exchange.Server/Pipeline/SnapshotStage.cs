using Exchange.Core.Matching;
using Exchange.Journal.Snapshots;
using Exchange.Sequencing;

namespace Exchange.Server.Pipeline;

/// <summary>A shadow engine on its own thread, fed the same (durable) commands as the engine, that takes the
/// periodic snapshots from its own copy of the state: the engine thread never pauses for a snapshot. The state
/// is serialized on this thread and written to disk on a background task. The shadow is built lazily (see
/// <see cref="PipelinePersistence"/>): if building it fails, the stage faults and the pipeline stops.</summary>
public sealed class SnapshotStage(Func<MatchingEngine> buildShadow, SnapshotStore store, long journalBase, long everyCommands)
    : IEventHandler<InboundSlot>
{
    private MatchingEngine? _shadow;
    private long _lastSnapshot = journalBase - 1;
    private Task _writing = Task.CompletedTask;

    /// <summary>Journal sequence of the newest snapshot written (or being written).</summary>
    public long LastSnapshotSequence => Volatile.Read(ref _lastSnapshot);

    public void OnEvent(ref InboundSlot data, long sequence, bool endOfBatch)
    {
        // Built here, on the snapshot thread, before the first command it must apply.
        var shadow = _shadow ??= buildShadow();
        shadow.Process(in data.Command);
        long journalSequence = sequence + journalBase;
        if (everyCommands > 0 && journalSequence - _lastSnapshot >= everyCommands && _writing.IsCompleted)
        {
            TakeSnapshot(shadow, journalSequence);
        }
    }

    // Apart from OnEvent: the write task's closure captures journalSequence, and a closure is allocated on entry to
    // the scope of what it captures, so inline it cost every command an allocation (40 B, ~4 MB/s at 100k/s).
    private void TakeSnapshot(MatchingEngine shadow, long journalSequence)
    {
        var state = new MemoryStream();
        shadow.WriteSnapshot(state);
        Volatile.Write(ref _lastSnapshot, journalSequence);
        _writing = Task.Run(() =>
        {
            try
            {
                store.Save(journalSequence, state.GetBuffer().AsSpan(0, (int)state.Length));
            }
            catch (IOException e)
            {
                // A failed snapshot loses nothing (the journal has everything); the next one will try again.
                Volatile.Write(ref _lastSnapshot, journalSequence - everyCommands);
                Console.Error.WriteLine($"exchange: snapshot at {journalSequence} failed: {e.Message}");
            }
        });
    }

    /// <summary>Waits for a snapshot write in progress (shutdown).</summary>
    public void WaitForWrites() => _writing.GetAwaiter().GetResult();
}
