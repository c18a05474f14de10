using Exchange.Core.Domain;

namespace Exchange.Server.Bench;

/// <summary>`retail`: one instrument, 10,000 small accounts, 70% limit / 30% market new orders plus cancels that
/// keep about 2,000 orders resting (see <see cref="RetailOrderFlow"/>).</summary>
internal sealed class RetailWorkload : IWorkload
{
    private readonly int _targetOrders;

    public RetailWorkload(int targetOrders = 2_000) => _targetOrders = targetOrders;

    public string Name => "retail";

    public GeneratedWorkload Generate(int warmupCommands, int measuredCommands, int seed)
    {
        var random = new Random(seed);
        var recorder = new CommandStreamRecorder(measuredCommands + warmupCommands + _targetOrders * 2);
        var flow = new RetailOrderFlow(Symbol.Parse("RETAIL"), _targetOrders, recorder);
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
