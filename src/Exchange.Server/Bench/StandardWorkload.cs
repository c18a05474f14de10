using Exchange.Core.Domain;

namespace Exchange.Server.Bench;

/// <summary>`standard`: exchange-core's single-book mix — about 1,000 resting orders over about 750 price levels,
/// ~9% GTC, 3% IOC, 6% cancel, 82% price-moving replace.</summary>
internal sealed class StandardWorkload : IWorkload
{
    /// <summary>Default shape: price 100.00, band 50.00–150.00, 500 orders per side, spread up to 50.00, 1,000 accounts.</summary>
    public static readonly StandardFlowShape DefaultShape = new(
        CenterTicks: 10_000, MinTicks: 5_000, MaxTicks: 15_000, TargetOrdersPerSide: 500, PriceDeviationTicks: 5_000, Accounts: 1_000);

    private readonly StandardFlowShape _shape;

    public StandardWorkload(StandardFlowShape? shape = null) => _shape = shape ?? DefaultShape;

    public string Name => "standard";

    public GeneratedWorkload Generate(int warmupCommands, int measuredCommands, int seed)
    {
        var random = new Random(seed);
        var recorder = new CommandStreamRecorder(measuredCommands + warmupCommands + _shape.TargetOrdersPerSide * 4);
        var flow = new StandardOrderFlow(Symbol.Parse("BENCH"), _shape, recorder);
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
