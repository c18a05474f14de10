using Exchange.Core.Tests.Risk;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Events;
using Exchange.Core.Matching;
using Xunit.Abstractions;

namespace Exchange.Core.Tests.Model;

/// <summary>Model-based randomized tests: <see cref="MatchingEngine"/> against <see cref="ReferenceEngine"/> over long seeded
/// streams from <see cref="RandomCommandGenerator"/>, comparing every event and the final books.
/// Set MODEL_SHRINK=1 to have a failure shrunk to a short reproducing command list (MODEL_SHRINK_SECONDS, default 120).</summary>
public sealed class EngineModelTests(ITestOutputHelper output)
{
    private const int CommandsPerSeed = 500_000;
    private const int DigestInterval = 10_000;

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    [InlineData(2026)]
    [InlineData(90210)]
    public void EngineProducesTheSameEventsAndBooksAsTheReferenceEngine(int seed)
    {
        var commands = new RandomCommandGenerator(seed).Generate(CommandsPerSeed);
        var clock = Stopwatch.StartNew();
        var mismatch = ModelComparison.FindFirstMismatch(commands);
        output.WriteLine($"seed {seed}: {commands.Count} commands compared in {clock.Elapsed.TotalSeconds:F1} s");
        if (mismatch == null)
        {
            return;
        }
        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"Seed {seed}: engine and reference engine differ ({mismatch.Signature}).\n");
        report.Append(mismatch.Description);
        if (Environment.GetEnvironmentVariable("MODEL_SHRINK") == "1")
        {
            var budget = TimeSpan.FromSeconds(int.Parse(Environment.GetEnvironmentVariable("MODEL_SHRINK_SECONDS") ?? "120", CultureInfo.InvariantCulture));
            var (shrunk, shrunkMismatch) = MismatchShrinker.Shrink(commands, mismatch, budget);
            report.Append(CultureInfo.InvariantCulture, $"\nShrunk to {shrunk.Count} commands:\n");
            for (int i = 0; i < shrunk.Count; i++)
            {
                report.Append(CultureInfo.InvariantCulture, $"  #{i} {CommandFormatter.Format(shrunk[i], shrunk[0].Timestamp)}\n");
            }
            report.Append(shrunkMismatch.Description);
        }
        Assert.Fail(report.ToString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    [InlineData(2026)]
    public void TwoEnginesFedTheSameCommandsHaveTheSameStateDigest(int seed)
    {
        var commands = new RandomCommandGenerator(seed).Generate(CommandsPerSeed);
        int divergence = ModelComparison.FindDigestDivergence(commands, DigestInterval);
        Assert.True(divergence < 0, $"Seed {seed}: state digests differ after command #{divergence}");
    }

    /// <summary>Guards the generator: a stream that never produced some event or reason would leave that rule untested.</summary>
    [Fact]
    public void GeneratedStreamMakesTheReferenceEngineProduceEveryEventAndReason()
    {
        var commands = new RandomCommandGenerator(1).Generate(CommandsPerSeed);
        var model = new ReferenceEngine();
        var eventTypes = new Dictionary<EventType, int>();
        var cancelReasons = new Dictionary<CancelReason, int>();
        var rejectReasons = new Dictionary<RejectReason, int>();
        int maxBookSize = 0;
        long bookSizeSum = 0;
        foreach (var command in commands)
        {
            foreach (var e in model.Process(command))
            {
                eventTypes[e.Type] = eventTypes.GetValueOrDefault(e.Type) + 1;
                if (e.CancelReason != CancelReason.None)
                {
                    cancelReasons[e.CancelReason] = cancelReasons.GetValueOrDefault(e.CancelReason) + 1;
                }
                if (e.RejectReason != RejectReason.None)
                {
                    rejectReasons[e.RejectReason] = rejectReasons.GetValueOrDefault(e.RejectReason) + 1;
                }
            }
            int bookSize = model.LiveOrderCount;
            maxBookSize = Math.Max(maxBookSize, bookSize);
            bookSizeSum += bookSize;
        }
        output.WriteLine($"Live orders: mean {bookSizeSum / commands.Count}, max {maxBookSize}");
        output.WriteLine("Events: " + string.Join(", ", eventTypes.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}")));
        output.WriteLine("Cancel reasons: " + string.Join(", ", cancelReasons.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}")));
        output.WriteLine("Reject reasons: " + string.Join(", ", rejectReasons.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}")));

        // Risk values come only from risk commands, which the model does not have (tests under Risk/ cover them).
        Assert.Equal([], Enum.GetValues<EventType>().Except(RiskOnlyValues.Events).Where(t => !eventTypes.ContainsKey(t)));
        Assert.Equal([], Enum.GetValues<CancelReason>().Except(RiskOnlyValues.CancelReasons)
            .Where(r => r != CancelReason.None && !cancelReasons.ContainsKey(r)));
        Assert.Equal([], Enum.GetValues<RejectReason>().Except(RiskOnlyValues.RejectReasons)
            .Where(r => r != RejectReason.None && !rejectReasons.ContainsKey(r)));
    }
}
