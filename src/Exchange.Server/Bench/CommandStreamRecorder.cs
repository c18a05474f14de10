using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Matching;

namespace Exchange.Server.Bench;

/// <summary>Records a generated command stream while running every command on a scratch engine, so the
/// generator always knows the book its next command will meet (which orders are live, filled, replaced).
/// The recorded array is later replayed, unchanged, on a fresh engine that is measured.</summary>
internal sealed class CommandStreamRecorder
{
    // Engine time advances 1 µs per command; the workloads use no GTD orders, so time only has to be monotonic.
    private const long TimeStepNanos = 1_000;
    private const long StartTimeNanos = 1_700_000_000_000_000_000;

    private readonly LiveOrderTracker _tracker = new();
    private Command[] _commands;
    private int _count;
    private long _nextClientId;
    private long _time = StartTimeNanos;
    private int _warmupStart = -1;
    private int _measuredStart = -1;
    private int _maxLiveOrders;

    public CommandStreamRecorder(int expectedCommands)
    {
        // The scratch engine uses default pool sizes: it may grow, it is not measured.
        Engine = new MatchingEngine();
        _commands = new Command[Math.Max(expectedCommands, 16)];
    }

    /// <summary>The scratch engine (state after every recorded command).</summary>
    public MatchingEngine Engine { get; }

    public int Count => _count;

    public int LiveOrders => _tracker.LiveCount;

    /// <summary>Statistics of the current phase (reset when the measured phase starts).</summary>
    public WorkloadStatistics Statistics { get; private set; } = new();

    /// <summary>A client id never used before in this stream (unique across accounts, so it identifies an order alone).</summary>
    public ClientOrderId NextClientId() => ClientOrderId.FromNumber(++_nextClientId);

    /// <summary>Stamps, records and runs one command; an order it creates joins <paramref name="owner"/>.</summary>
    public void Submit(Command command, CommandKind kind, LiveOrderSet? owner)
    {
        _time += TimeStepNanos;
        command.Timestamp = _time;
        if (_count == _commands.Length)
        {
            Array.Resize(ref _commands, _commands.Length * 2);
        }
        _commands[_count++] = command;

        long tradesBefore = _tracker.Trades;
        long rejectedBefore = _tracker.Rejected;
        long unknownBefore = _tracker.RejectedUnknownOrder;
        var events = Engine.Process(in command);
        _tracker.Apply(events, owner);

        Statistics.Add(kind);
        Statistics.Events += events.Length;
        Statistics.Trades += _tracker.Trades - tradesBefore;
        Statistics.Rejected += _tracker.Rejected - rejectedBefore;
        Statistics.RejectedUnknownOrder += _tracker.RejectedUnknownOrder - unknownBefore;
        _maxLiveOrders = Math.Max(_maxLiveOrders, _tracker.LiveCount);
    }

    /// <summary>Marks the end of setup (instruments, pre-load, initial fill): what follows warms the JIT.</summary>
    public void StartWarmup() => _warmupStart = _count;

    /// <summary>Marks the start of the measured commands and resets <see cref="Statistics"/>.</summary>
    public void StartMeasured()
    {
        _measuredStart = _count;
        Statistics = new WorkloadStatistics();
    }

    /// <summary>The finished workload, with engine pools sized so the measured engine never grows them.</summary>
    public GeneratedWorkload Finish(string scenario, int seed)
    {
        if (_warmupStart < 0 || _measuredStart < 0)
        {
            throw new InvalidOperationException("Warmup and measured phases were not marked.");
        }
        Array.Resize(ref _commands, _count);
        // Levels never outnumber live orders; the margin covers in-flight takers and the pool's own rounding.
        int capacity = (int)Math.Min(1L << 30, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(_maxLiveOrders + _maxLiveOrders / 4 + 4096)));
        // 2 MB pages for the pools (EngineOptions.HugePages; the server leaves them off for its restart time).
        var options = new EngineOptions { OrderCapacity = capacity, LevelCapacity = capacity, HugePages = true };
        return new GeneratedWorkload(scenario, seed, _commands, _warmupStart, _measuredStart, options, Statistics);
    }
}
