using System.Text;
using Exchange.Core.Commands;
using Exchange.Core.Events;
using Exchange.Core.Matching;

namespace Exchange.Core.Tests.Model;

/// <summary>Feeds one command stream to a <see cref="MatchingEngine"/> and a <see cref="ReferenceEngine"/> and reports the
/// first difference: any event field, the number of events, an exception, or (every 25,000 commands and at the end) the
/// live order count or any instrument's book.</summary>
internal static class ModelComparison
{
    private const int MaxEventsPrinted = 60;
    private const int BookCheckInterval = 25_000;

    public static ModelMismatch? FindFirstMismatch(IReadOnlyList<Command> commands)
    {
        var engine = new MatchingEngine();
        var model = new ReferenceEngine();
        long timeOrigin = commands.Count > 0 ? commands[0].Timestamp : 0;
        for (int i = 0; i < commands.Count; i++)
        {
            var command = commands[i];
            IReadOnlyList<EngineEvent> expected;
            try
            {
                expected = model.Process(command);
            }
#pragma warning disable CA1031 // a reference engine failure is reported like a mismatch, with its command
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return new ModelMismatch(i, $"{command.Type}: reference engine threw {ex.GetType().Name}",
                    $"Reference engine threw at command #{i}: {CommandFormatter.Format(command, timeOrigin)}\n{ex}");
            }
            EngineEvent[]? differingEvents;
            try
            {
                differingEvents = ProcessAndCompare(engine, command, expected);
            }
#pragma warning disable CA1031 // any engine exception is a finding to report with its command
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return new ModelMismatch(i, $"{command.Type}: engine threw {ex.GetType().Name}",
                    $"Engine threw at command #{i}: {CommandFormatter.Format(command, timeOrigin)}\n{ex}");
            }
            if (differingEvents != null)
            {
                return DescribeEventMismatch(i, command, timeOrigin, differingEvents, expected);
            }
            // Books are compared now and then too, so a corrupted book shows up near its cause.
            if ((i + 1) % BookCheckInterval == 0 && CompareBooks(engine, model, i + 1, "checkpoint") is { } checkpoint)
            {
                return checkpoint;
            }
        }
        return CompareBooks(engine, model, commands.Count, "final");
    }

    /// <summary>Sequence, live order count and every instrument's book after <paramref name="commandCount"/> commands.</summary>
    private static ModelMismatch? CompareBooks(MatchingEngine engine, ReferenceEngine model, int commandCount, string when)
    {
        if (engine.Sequence != model.Sequence || engine.LiveOrderCount != model.LiveOrderCount)
        {
            return new ModelMismatch(commandCount, $"{when} counters",
                $"After {commandCount} commands: engine Sequence={engine.Sequence} LiveOrderCount={engine.LiveOrderCount}, "
                + $"reference Sequence={model.Sequence} LiveOrderCount={model.LiveOrderCount}");
        }
        foreach (var symbol in model.Symbols)
        {
            var difference = BookDifference(engine.GetBookSnapshot(symbol), model.GetBookSnapshot(symbol));
            if (difference != null)
            {
                return new ModelMismatch(commandCount, $"{when} book {difference.Value.Signature}",
                    $"Book of {symbol} differs after {commandCount} commands: {difference.Value.Description}");
            }
        }
        return null;
    }

    /// <summary>Index of the first checkpoint (every <paramref name="interval"/> commands and the last) where two engines fed
    /// the same commands have different state digests, or -1.</summary>
    public static int FindDigestDivergence(IReadOnlyList<Command> commands, int interval)
    {
        var first = new MatchingEngine();
        var second = new MatchingEngine();
        for (int i = 0; i < commands.Count; i++)
        {
            try
            {
                first.Process(commands[i]);
                second.Process(commands[i]);
            }
            catch (OutOfMemoryException ex)
            {
                throw new InvalidOperationException($"Engine ran out of memory at command #{i}: {CommandFormatter.Format(commands[i])}", ex);
            }
            if ((i % interval == 0 || i == commands.Count - 1) && first.ComputeStateDigest() != second.ComputeStateDigest())
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Runs the command through the engine; null if its events equal <paramref name="expected"/>, else a copy of them.</summary>
    private static EngineEvent[]? ProcessAndCompare(MatchingEngine engine, Command command, IReadOnlyList<EngineEvent> expected)
    {
        var actual = engine.Process(command);
        return SameEvents(actual, expected) ? null : actual.ToArray();
    }

    private static bool SameEvents(ReadOnlySpan<EngineEvent> actual, IReadOnlyList<EngineEvent> expected)
    {
        if (actual.Length != expected.Count)
        {
            return false;
        }
        for (int k = 0; k < actual.Length; k++)
        {
            if (!EngineEventFormatter.AreEqual(actual[k], expected[k]))
            {
                return false;
            }
        }
        return true;
    }

    private static ModelMismatch DescribeEventMismatch(int index, in Command command, long timeOrigin,
        EngineEvent[] actual, IReadOnlyList<EngineEvent> expected)
    {
        int first = 0;
        while (first < actual.Length && first < expected.Count && EngineEventFormatter.AreEqual(actual[first], expected[first]))
        {
            first++;
        }
        string signature;
        var s = new StringBuilder();
        s.Append($"Command #{index}: {CommandFormatter.Format(command, timeOrigin)}\n");
        if (first < actual.Length && first < expected.Count)
        {
            var fields = EngineEventFormatter.DifferingFields(actual[first], expected[first]);
            signature = $"{command.Type}: {actual[first].Type} vs {expected[first].Type} [{string.Join(",", fields)}]";
            s.Append($"First difference at event {first}, fields: {string.Join(", ", fields)}\n");
            s.Append($"  engine:    {EngineEventFormatter.Format(actual[first])}\n");
            s.Append($"  reference: {EngineEventFormatter.Format(expected[first])}\n");
        }
        else
        {
            signature = $"{command.Type}: {actual.Length} vs {expected.Count} events";
            s.Append($"Engine produced {actual.Length} events, reference {expected.Count}; the first {first} agree\n");
        }
        AppendEvents(s, "engine", actual);
        AppendEvents(s, "reference", expected);
        return new ModelMismatch(index, signature, s.ToString());
    }

    private static void AppendEvents(StringBuilder s, string who, IReadOnlyList<EngineEvent> events)
    {
        s.Append($"All {who} events ({events.Count}):\n");
        for (int k = 0; k < events.Count && k < MaxEventsPrinted; k++)
        {
            s.Append($"  [{k}] {EngineEventFormatter.Format(events[k])}\n");
        }
    }

    private static (string Signature, string Description)? BookDifference(BookSnapshot engine, BookSnapshot model)
    {
        if (engine.Symbol != model.Symbol || engine.Status != model.Status || engine.LastTradePrice != model.LastTradePrice)
        {
            return ("header", $"engine ({engine.Symbol}, {engine.Status}, last {engine.LastTradePrice}) vs reference ({model.Symbol}, {model.Status}, last {model.LastTradePrice})");
        }
        return ListDifference("Bids", engine.Bids, model.Bids)
            ?? ListDifference("Asks", engine.Asks, model.Asks)
            ?? ListDifference("BuyStops", engine.BuyStops, model.BuyStops)
            ?? ListDifference("SellStops", engine.SellStops, model.SellStops);
    }

    private static (string Signature, string Description)? ListDifference(string name, IReadOnlyList<RestingOrder> engine, IReadOnlyList<RestingOrder> model)
    {
        for (int k = 0; k < Math.Max(engine.Count, model.Count); k++)
        {
            if (k >= engine.Count || k >= model.Count || !engine[k].Equals(model[k]))
            {
                var e = k < engine.Count ? engine[k].ToString() : "(none)";
                var m = k < model.Count ? model[k].ToString() : "(none)";
                return (name, $"{name}[{k}] (engine has {engine.Count}, reference {model.Count}):\n  engine:    {e}\n  reference: {m}");
            }
        }
        return null;
    }
}
