namespace Exchange.Journal.Storage;

/// <summary>What a simulated crash kept: the first <see cref="KeptOperations"/> of <see cref="PendingOperations"/>
/// unflushed operations survived, the last of them cut after <see cref="TornAtByte"/> bytes if torn (else -1).</summary>
public readonly record struct CrashOutcome(int PendingOperations, int KeptOperations, int TornAtByte);
