namespace Exchange.Server.Tests.Gateways.Binary;

/// <summary>Tests that sample the process's allocations run alone: the runtime's samples are process-wide.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCollection
{
    public const string Name = "allocation sampling";
}
