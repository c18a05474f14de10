namespace Exchange.Server.Configuration;

/// <summary>A trading account: login name, the engine's numeric id, and its password.</summary>
public sealed record AccountConfig(string Name, long Id, string Password);
