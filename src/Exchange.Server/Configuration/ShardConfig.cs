namespace Exchange.Server.Configuration;

/// <summary>One engine shard and the symbols routed to it.</summary>
public sealed record ShardConfig(int Id, IReadOnlyList<string> Symbols);
