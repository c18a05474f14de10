namespace Exchange.Server.Bench;

/// <summary>What one phase of a generated workload contains: commands by kind and what the scratch engine did
/// with them. Reported so the actual mix is visible next to the figures.</summary>
internal sealed class WorkloadStatistics
{
    private readonly long[] _byKind = new long[Enum.GetValues<CommandKind>().Length];

    public long Commands { get; private set; }

    public long Events { get; set; }

    public long Trades { get; set; }

    public long Rejected { get; set; }

    /// <summary>Cancels and replaces rejected as UnknownOrder (should be 0: they must target live orders).</summary>
    public long RejectedUnknownOrder { get; set; }

    public long Count(CommandKind kind) => _byKind[(int)kind];

    /// <summary>Share of the phase's commands of this kind, 0..1.</summary>
    public double Share(CommandKind kind) => Commands == 0 ? 0 : (double)_byKind[(int)kind] / Commands;

    public void Add(CommandKind kind)
    {
        _byKind[(int)kind]++;
        Commands++;
    }
}
