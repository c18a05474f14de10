namespace Exchange.Core.Tests.Model;

/// <summary>The first place where <see cref="Exchange.Core.Matching.MatchingEngine"/> and <see cref="ReferenceEngine"/> disagree.</summary>
/// <param name="CommandIndex">Index of the command whose events differ (the command count for a final-book difference).</param>
/// <param name="Signature">A short kind of the difference (command type, event types, field names) that stays the same
/// while the shrinker removes unrelated commands.</param>
/// <param name="Description">The full report: the command and both event lists, or both books.</param>
internal sealed record ModelMismatch(int CommandIndex, string Signature, string Description);
