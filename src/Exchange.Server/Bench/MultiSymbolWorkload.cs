using System.Globalization;
using Exchange.Core.Domain;

namespace Exchange.Server.Bench;

/// <summary>`multi`: the standard mix spread uniformly over many instruments (default 1,000), each keeping a
/// smaller book (default 200 resting orders), so the engine's working set is spread over many books.</summary>
internal sealed class MultiSymbolWorkload : IWorkload
{
    /// <summary>Default per-instrument shape: as standard, but 100 orders per side and a spread up to 5.00.</summary>
    public static readonly StandardFlowShape DefaultShape = StandardWorkload.DefaultShape with
    {
        TargetOrdersPerSide = 100,
        PriceDeviationTicks = 500,
    };

    private readonly int _symbols;
    private readonly StandardFlowShape _shape;

    public MultiSymbolWorkload(int symbols = 1_000, StandardFlowShape? shape = null)
    {
        _symbols = symbols;
        _shape = shape ?? DefaultShape;
    }

    public string Name => "multi";

    public GeneratedWorkload Generate(int warmupCommands, int measuredCommands, int seed)
    {
        var random = new Random(seed);
        var recorder = new CommandStreamRecorder(measuredCommands + warmupCommands + _symbols * _shape.TargetOrdersPerSide * 4);
        var flows = new StandardOrderFlow[_symbols];
        for (int s = 0; s < _symbols; s++)
        {
            flows[s] = new StandardOrderFlow(Symbol.Parse("S" + s.ToString("D4", CultureInfo.InvariantCulture)), _shape, recorder);
        }
        // Initial fill instrument by instrument, then the interleaved steady state.
        foreach (var flow in flows)
        {
            flow.Fill(random, recorder);
        }
        recorder.StartWarmup();
        for (int i = 0; i < warmupCommands; i++)
        {
            flows[random.Next(_symbols)].Next(random, recorder);
        }
        recorder.StartMeasured();
        for (int i = 0; i < measuredCommands; i++)
        {
            flows[random.Next(_symbols)].Next(random, recorder);
        }
        return recorder.Finish(Name, seed);
    }
}
