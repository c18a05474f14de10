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
    private readonly IClock _clock;
    private readonly List<Thread> _threads = [];
    private long _submitted = Sequence.InitialValue;

    public ExchangePipeline(MatchingEngine engine, IReadOnlyList<IEventListener> listeners, PipelineOptions? options = null, IClock? clock = null)
    {
        options ??= new PipelineOptions();
        _clock = clock ?? new SystemClock();
        Engine = engine;

        // 1. Inbound ring: producers claim a slot, the claim order is the total order of commands.
        _inbound = new RingBuffer<InboundSlot>(options.InboundRingSize, WaitStrategies.Create(options.InboundWaitStrategy));
        // 2. Outbound ring: the engine's events, tagged with the command sequence that caused them.
        _outbound = new RingBuffer<OutboundSlot>(options.OutboundRingSize, WaitStrategies.Create(options.OutboundWaitStrategy));

        // 3. Engine thread: the single writer of the engine state.
        _engineProcessor = new BatchEventProcessor<InboundSlot, EngineStage>(_inbound, _inbound.NewBarrier(), new EngineStage(engine, _outbound));
        // 4. Durability: with no journal attached, a command counts as durable once the engine has it.
        var durable = _engineProcessor.Sequence;

        // 5. Responder: releases events whose command is durable, to the listeners.
        _responderProcessor = new BatchEventProcessor<OutboundSlot, ResponderStage>(_outbound, _outbound.NewBarrier(), new ResponderStage(durable, listeners));

        // Producers must not lap the slowest consumer of each ring.
        _inbound.AddGatingSequences(_engineProcessor.Sequence);
        _outbound.AddGatingSequences(_responderProcessor.Sequence);
    }

    /// <summary>The engine. Touch it only from the engine thread, or before <see cref="Start"/> / after <see cref="Stop"/>.</summary>
    public MatchingEngine Engine { get; }

    public void Start()
    {
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

    /// <summary>Drains: waits until every submitted command's events have passed the responder, then stops the threads.</summary>
    public void Stop()
    {
        long last = Volatile.Read(ref _submitted);
        var spin = new SpinWait();
        while (_engineProcessor.Sequence.Value < last || _responderProcessor.Sequence.Value < _outbound.Sequencer.Cursor.Value)
        {
            spin.SpinOnce();
        }
        _engineProcessor.Halt();
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
