using Exchange.Core.Domain;

namespace Exchange.Server.Bench;

/// <summary>`deep`: one instrument pre-loaded with a large passive book (default 1,000,000 orders over 20,000
/// levels: 10,000 per side, every second tick, ~50 orders per level), then the standard mix on top around the
/// middle. The pre-loaded orders are traded against but never cancelled or moved by the flow.</summary>
internal sealed class DeepWorkload : IWorkload
{
    /// <summary>Standard shape re-centred at 500.00 so the pre-loaded band (±200.00) stays positive.</summary>
    public static readonly StandardFlowShape DefaultShape = StandardWorkload.DefaultShape with
    {
        CenterTicks = 50_000,
        MinTicks = 25_000,
        MaxTicks = 75_000,
    };

    // Every second tick, so the flow's own orders also open new levels between pre-loaded ones.
    private const int LevelSpacingTicks = 2;

    private readonly int _preloadOrders;
    private readonly int _levelsPerSide;
    private readonly StandardFlowShape _shape;

    public DeepWorkload(int preloadOrders = 1_000_000, int levelsPerSide = 10_000, StandardFlowShape? shape = null)
    {
        _preloadOrders = preloadOrders;
        _levelsPerSide = levelsPerSide;
        _shape = shape ?? DefaultShape;
    }

    public string Name => "deep";

    public GeneratedWorkload Generate(int warmupCommands, int measuredCommands, int seed)
    {
        var random = new Random(seed);
        var recorder = new CommandStreamRecorder(_preloadOrders + measuredCommands + warmupCommands + _shape.TargetOrdersPerSide * 4);
        var symbol = Symbol.Parse("DEEP");
        var flow = new StandardOrderFlow(symbol, _shape, recorder);
        var preloaded = new LiveOrderSet();
        for (int i = 0; i < _preloadOrders; i++)
        {
            var side = (i & 1) == 0 ? Side.Buy : Side.Sell;
            long distance = (1 + random.Next(_levelsPerSide)) * LevelSpacingTicks - 1;
            long price = side == Side.Buy ? _shape.CenterTicks - distance : _shape.CenterTicks + distance;
            var command = WorkloadCommands.Limit(symbol, 1 + random.Next(_shape.Accounts), recorder.NextClientId(), side,
                price, 1 + random.Next(100), TimeInForce.Gtc);
            recorder.Submit(command, CommandKind.Preload, preloaded);
        }
        flow.Fill(random, recorder);
        recorder.StartWarmup();
        for (int i = 0; i < warmupCommands; i++)
        {
            flow.Next(random, recorder);
        }
        recorder.StartMeasured();
        for (int i = 0; i < measuredCommands; i++)
        {
            flow.Next(random, recorder);
        }
        return recorder.Finish(Name, seed);
    }
}
