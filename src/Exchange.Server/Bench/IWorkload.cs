namespace Exchange.Server.Bench;

/// <summary>A seeded benchmark scenario that generates its command stream up front.</summary>
internal interface IWorkload
{
    /// <summary>The scenario name used on the command line and in results.</summary>
    string Name { get; }

    /// <summary>Generates setup, then <paramref name="warmupCommands"/> and <paramref name="measuredCommands"/>
    /// commands of the scenario's steady-state mix. Same seed, same stream.</summary>
    GeneratedWorkload Generate(int warmupCommands, int measuredCommands, int seed);
}
