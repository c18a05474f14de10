using System.Diagnostics;
using Exchange.Core.Commands;

namespace Exchange.Core.Tests.Model;

/// <summary>Cuts a failing command stream down to a short one that still fails the same way (same
/// <see cref="ModelMismatch.Signature"/>): delta debugging by removing ever smaller runs of commands, within a time budget.</summary>
internal static class MismatchShrinker
{
    public static (List<Command> Commands, ModelMismatch Mismatch) Shrink(IReadOnlyList<Command> commands, ModelMismatch original, TimeSpan budget)
    {
        var clock = Stopwatch.StartNew();
        var best = commands.Take(Math.Min(commands.Count, original.CommandIndex + 1)).ToList();
        var bestMismatch = original;

        bool TryCandidate(List<Command> candidate)
        {
            var mismatch = ModelComparison.FindFirstMismatch(candidate);
            if (mismatch == null || mismatch.Signature != original.Signature)
            {
                return false;
            }
            // Everything after the failing command is irrelevant.
            best = candidate.Take(Math.Min(candidate.Count, mismatch.CommandIndex + 1)).ToList();
            bestMismatch = mismatch;
            return true;
        }

        // Commands on other instruments rarely matter: try without them first (cheap, and it shortens every later run).
        var failingSymbol = best[^1].Symbol;
        if (!failingSymbol.IsEmpty)
        {
            TryCandidate(best.Where(c => c.Symbol == failingSymbol || c.Symbol.IsEmpty).ToList());
        }

        for (int chunk = Math.Max(1, best.Count / 2); chunk >= 1 && clock.Elapsed < budget; chunk /= 2)
        {
            // The last command is where it fails: try removing every run before it.
            for (int start = best.Count - 1 - chunk; start >= 0 && clock.Elapsed < budget; start -= chunk)
            {
                var candidate = new List<Command>(best);
                candidate.RemoveRange(start, Math.Min(chunk, candidate.Count - 1 - start));
                TryCandidate(candidate);
                start = Math.Min(start, best.Count - 1);
            }
            if (chunk == 1)
            {
                break;
            }
        }
        return (best, bestMismatch);
    }
}
