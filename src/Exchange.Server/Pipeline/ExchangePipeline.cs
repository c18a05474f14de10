using Exchange.Core.Matching;
using Exchange.Sequencing;

namespace Exchange.Server.Pipeline;

/// <summary>The sequenced pipeline of one shard, wired in one place:
/// producers → inbound ring (sequence + time stamp) → engine thread → outbound ring → responder
/// (durability gate) → listeners. Thread-safe for any number of producers.</summary>
public sealed class ExchangePipeline : IDisposable
{
    private readonly RingBuffer<InboundSlot> _inbound;
    private readonly RingBuffer<OutboundSlot> _outbound;
    private readonly BatchEventProcessor<InboundSlot, EngineStage> _engineProcessor;
    private readonly BatchEventProcessor<OutboundSlot, ResponderStage> _responderProcessor;
    private readonly BatchEventProcessor<InboundSlot, JournalStage>? _journalProcessor;
    private readonly BatchEventProcessor<InboundSlot, SnapshotStage>? _snapshotProcessor;
    private readonly SnapshotStage? _snapshotStage;
    private readonly ResponderStage _responderStage;
    private readonly EngineStage _engineStage;
    private readonly long _journalBase;
    private readonly IClock _clock;
    private readonly List<Thread> _threads = [];
    private long _submitted = Sequence.InitialValue;

    public ExchangePipeline(MatchingEngine engine, IReadOnlyList<IEventListener> listeners, PipelineOptions? options = null,
        IClock? clock = null, PipelinePersistence? persistence = null)
    {
        options ??= new PipelineOptions();
        _clock = clock ?? new SystemClock();
        Engine = engine;

        // 1. Inbound ring: producers claim a slot, the claim order is the total order of commands.
        _inbound = new RingBuffer<InboundSlot>(options.InboundRingSize, WaitStrategies.Create(options.InboundWaitStrategy));
        // 2. Outbound ring: the engine's events, tagged with the command sequence that caused them.
        _outbound = new RingBuffer<OutboundSlot>(options.OutboundRingSize, WaitStrategies.Create(options.OutboundWaitStrategy));

        // 3. Engine thread: the single writer of the engine state. It runs in parallel with the journal.
        _engineStage = new EngineStage(engine, _inbound, _outbound);
        _engineProcessor = new BatchEventProcessor<InboundSlot, EngineStage>(_inbound, _inbound.NewBarrier(), _engineStage);
        _inbound.AddGatingSequences(_engineProcessor.Sequence);

        // 4. Journal thread: appends every command, group-commits per batch; its sequence is the durable sequence.
        //    Without a journal a command counts as durable once the engine has it (nothing survives a restart).
        var durable = new DurabilityGate(_engineProcessor.Sequence);
        if (persistence is not null)
        {
            _journalBase = persistence.Journal.NextSequence;
            durable = new DurabilityGate(persistence.Journal, _journalBase);
            // With fsync it lingers while producers are still publishing, to cover a burst with one fdatasync; without,
            // a group commit is only a write, and lingering would just delay it and spin a core.
            var journalWait = persistence.Journal.Durability == Journal.DurabilityMode.Fsync
                ? new LingeringWaitStrategy(_inbound.Sequencer.WaitStrategy)
                : _inbound.Sequencer.WaitStrategy;
            _journalProcessor = new BatchEventProcessor<InboundSlot, JournalStage>(_inbound,
                _inbound.NewBarrier(journalWait), new JournalStage(persistence.Journal, _journalBase, durable));
            _inbound.AddGatingSequences(_journalProcessor.Sequence);

            // 5. Snapshot thread: a shadow engine, behind the journal, snapshots its own copy of the state.
            if (persistence.Snapshots is not null && persistence.Shadow is not null)
            {
                _snapshotStage = new SnapshotStage(persistence.Shadow, persistence.Snapshots, _journalBase, persistence.SnapshotEveryCommands);
                // It polls instead of being woken per publish: it only has to keep up, not react.
                _snapshotProcessor = new BatchEventProcessor<InboundSlot, SnapshotStage>(_inbound,
                    _inbound.NewBarrier(new SleepingWaitStrategy(), _journalProcessor.Sequence), _snapshotStage);
                _inbound.AddGatingSequences(_snapshotProcessor.Sequence);
            }
        }

        // 6. Responder: releases events whose command is durable, to the listeners (sessions, market data).
        _responderStage = new ResponderStage(durable, listeners);
        _responderProcessor = new BatchEventProcessor<OutboundSlot, ResponderStage>(_outbound, _outbound.NewBarrier(), _responderStage);
        _outbound.AddGatingSequences(_responderProcessor.Sequence);
    }

    /// <summary>The engine. Touch it only from the engine thread, or before <see cref="Start"/> / after <see cref="Stop"/>.</summary>
    public MatchingEngine Engine { get; }

    /// <summary>Journal sequence of the last command submitted so far (meaningful with a journal).</summary>
    public long LastJournalSequence => Volatile.Read(ref _submitted) + _journalBase;

    public void Start()
    {
        if (_journalProcessor is not null)
        {
            _threads.Add(_journalProcessor.Start("journal"));
        }
        if (_snapshotProcessor is not null)
        {
            _threads.Add(_snapshotProcessor.Start("snapshot"));
        }
        _threads.Add(_engineProcessor.Start("engine"));
        _threads.Add(_responderProcessor.Start("responder"));
    }

    /// <summary>Enters a command; false (changing nothing) if the inbound ring is full. The sequencer stamps
    /// the command's time here. Returns the command's sequence.</summary>
    public bool TrySubmit(in Core.Commands.Command command, long sessionId, long correlationId, out long sequence)
    {
        if (!_inbound.TryNext(out sequence))
        {
            return false;
        }
        ref var slot = ref _inbound[sequence];
        slot.Command = command;
        slot.Command.Timestamp = _clock.NowNanoseconds();
        slot.SessionId = sessionId;
        slot.CorrelationId = correlationId;
        _inbound.Publish(sequence);
        InterlockedMax(ref _submitted, sequence);
        return true;
    }

    /// <summary>Drains: waits until every submitted command is journaled (flushed), applied, snapshotted by the
    /// shadow and its events have passed the responder, then stops the threads. Submit nothing concurrently.</summary>
    public void Stop()
    {
        long last = Volatile.Read(ref _submitted);
        var spin = new SpinWait();
        while (_engineProcessor.Sequence.Value < last
            || (_journalProcessor is not null && _journalProcessor.Sequence.Value < last)
            || (_snapshotProcessor is not null && _snapshotProcessor.Sequence.Value < last)
            || _responderProcessor.Sequence.Value < _outbound.Sequencer.Cursor.Value)
        {
            if (Fault is not null)
            {
                Halt();
                return;
            }
            spin.SpinOnce();
        }
        _engineProcessor.Halt();
        _journalProcessor?.Halt();
        _snapshotProcessor?.Halt();
        _responderProcessor.Halt();
        foreach (var thread in _threads)
        {
            thread.Join();
        }
        _threads.Clear();
        _snapshotStage?.WaitForWrites();
    }

    /// <summary>The first consumer failure (e.g. the journal could not write), or null. After a fault the
    /// pipeline acknowledges nothing more.</summary>
    public Exception? Fault => _journalProcessor?.Fault ?? _engineProcessor.Fault ?? _snapshotProcessor?.Fault ?? _responderProcessor.Fault;

    /// <summary>Stops every thread at once without draining: what a crash leaves behind (for tests).</summary>
    public void Halt()
    {
        _responderStage.Halt();
        _engineStage.Halt();
        _engineProcessor.Halt();
        _journalProcessor?.Halt();
        _snapshotProcessor?.Halt();
        _responderProcessor.Halt();
        foreach (var thread in _threads)
        {
            thread.Join();
        }
        _threads.Clear();
    }

    public void Dispose()
    {
        if (_threads.Count > 0)
        {
            Stop();
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
