namespace Exchange.Server.Configuration;

/// <summary>A trading account: login name, the engine's numeric id, and its password. With risk on, the first start
/// deposits <paramref name="Cash"/> (USD, a decimal string) and <paramref name="Position"/> units of every configured
/// instrument into it (journaled deposit commands, docs/risk.md).</summary>
public sealed record AccountConfig(string Name, long Id, string Password, string? Cash = null, long Position = 0);
