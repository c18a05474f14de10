using System.Globalization;
using Exchange.Core.Domain;

namespace Exchange.Server.Bench;

/// <summary>`multi`: the standard mix spread evenly over many instruments (default 1,000; every book 100 orders per
/// side, every instrument equally likely), so the engine's working set is spread over many books. `multi-pareto`
/// spreads it as exchange-core's multi-symbol benchmarks do (<see cref="SymbolWeights.Pareto"/>: each instrument's
/// share of the commands and of the resting orders), a few busy books and many quiet ones.</summary>
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
    private readonly bool _pareto;

    /// <param name="symbols">Number of instruments.</param>
    /// <param name="pareto">exchange-core's Pareto weights instead of an even spread.</param>
    /// <param name="shape">Per-instrument shape; with weights, its orders per side is the average over instruments.</param>
    public MultiSymbolWorkload(int symbols = 1_000, bool pareto = false, StandardFlowShape? shape = null)
    {
        _symbols = symbols;
        _pareto = pareto;
        _shape = shape ?? DefaultShape;
    }

    public string Name => _pareto ? "multi-pareto" : "multi";

    public GeneratedWorkload Generate(int warmupCommands, int measuredCommands, int seed)
    {
        var random = new Random(seed);
        var weights = _pareto ? SymbolWeights.Pareto(_symbols, random) : SymbolWeights.Uniform(_symbols);
        var recorder = new CommandStreamRecorder(measuredCommands + warmupCommands + _symbols * _shape.TargetOrdersPerSide * 4);
        var flows = new StandardOrderFlow[_symbols];
        long ordersPerSideTotal = (long)_symbols * _shape.TargetOrdersPerSide;
        for (int s = 0; s < _symbols; s++)
        {
            // At least one order per side, so every book has a touch to trade against.
            int perSide = Math.Max(1, (int)Math.Round(ordersPerSideTotal * weights.Shares[s]));
            flows[s] = new StandardOrderFlow(Symbol.Parse("S" + s.ToString("D4", CultureInfo.InvariantCulture)),
                _shape with { TargetOrdersPerSide = perSide }, recorder);
        }
        // Initial fill instrument by instrument, then the interleaved steady state.
        foreach (var flow in flows)
        {
            flow.Fill(random, recorder);
        }
        recorder.StartWarmup();
        for (int i = 0; i < warmupCommands; i++)
        {
            flows[NextSymbol(weights, random)].Next(random, recorder);
        }
        recorder.StartMeasured();
        for (int i = 0; i < measuredCommands; i++)
        {
            flows[NextSymbol(weights, random)].Next(random, recorder);
        }
        return recorder.Finish(Name, seed);
    }

    // The even spread draws as it always has, so its command stream (and its figures) stay comparable with before.
    private int NextSymbol(SymbolWeights weights, Random random) => _pareto ? weights.Pick(random) : random.Next(_symbols);
}
