namespace Exchange.Server.Bench;

/// <summary>The named scenarios of `exchange bench`.</summary>
internal static class ScenarioCatalog
{
    public const string All = "all";

    public static readonly string[] Names = ["standard", "retail", "deep", "multi", "multi-pareto"];

    /// <summary>The workloads a --scenario value selects, in run order; null for an unknown name.</summary>
    public static IReadOnlyList<IWorkload>? Select(string name) => name switch
    {
        "standard" => [new StandardWorkload()],
        "retail" => [new RetailWorkload()],
        "deep" => [new DeepWorkload()],
        "multi" => [new MultiSymbolWorkload()],
        "multi-pareto" => [new MultiSymbolWorkload(pareto: true)],
        All => [new StandardWorkload(), new RetailWorkload(), new DeepWorkload(), new MultiSymbolWorkload(), new MultiSymbolWorkload(pareto: true)],
        _ => null,
    };
}
