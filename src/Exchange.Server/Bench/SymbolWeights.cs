namespace Exchange.Server.Bench;

/// <summary>How much of a multi-instrument workload each instrument gets: exchange-core's multi-symbol benchmarks
/// draw one Pareto(scale 0.001, shape 1.5) sample per symbol and normalise them, then give each symbol that share of
/// the commands and of the resting orders — a few busy books and a long tail of quiet ones, as on real venues.
/// Written afresh from that description; drawn with our own seeded <see cref="Random"/>.</summary>
internal sealed class SymbolWeights
{
    private const double ParetoScale = 0.001;
    private const double ParetoShape = 1.5;

    private readonly double[] _cumulative;

    private SymbolWeights(double[] shares)
    {
        Shares = shares;
        _cumulative = new double[shares.Length];
        double sum = 0;
        for (int i = 0; i < shares.Length; i++)
        {
            sum += shares[i];
            _cumulative[i] = sum;
        }
        _cumulative[^1] = 1.0;
    }

    /// <summary>Each instrument's share; they add up to 1.</summary>
    public IReadOnlyList<double> Shares { get; }

    /// <summary>Every instrument the same share.</summary>
    public static SymbolWeights Uniform(int symbols) => new(Enumerable.Repeat(1.0 / symbols, symbols).ToArray());

    /// <summary>Normalised Pareto samples, one per instrument (inverse transform: scale / U^(1/shape)).</summary>
    public static SymbolWeights Pareto(int symbols, Random random)
    {
        var raw = new double[symbols];
        for (int i = 0; i < symbols; i++)
        {
            double u = 1.0 - random.NextDouble(); // (0, 1]
            raw[i] = ParetoScale / Math.Pow(u, 1.0 / ParetoShape);
        }
        double total = raw.Sum();
        return new SymbolWeights(raw.Select(x => x / total).ToArray());
    }

    /// <summary>An instrument drawn with probability equal to its share.</summary>
    public int Pick(Random random)
    {
        int index = Array.BinarySearch(_cumulative, random.NextDouble());
        return index >= 0 ? Math.Min(index + 1, _cumulative.Length - 1) : ~index;
    }
}
