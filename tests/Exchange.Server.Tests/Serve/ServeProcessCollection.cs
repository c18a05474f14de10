namespace Exchange.Server.Tests.Serve;

/// <summary>Tests that run child `exchange serve` processes run one at a time: each process starts every gateway
/// and several threads, and two at once on a 2-core machine make each other's timeouts flaky.</summary>
[CollectionDefinition(Name)]
public sealed class ServeProcessCollection
{
    public const string Name = "exchange serve processes";
}
