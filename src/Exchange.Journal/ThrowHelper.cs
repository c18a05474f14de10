using System.Diagnostics.CodeAnalysis;

namespace Exchange.Journal;

/// <summary>Throws for the writer's hot path, so <see cref="JournalWriter.Append"/> stays small.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void SequenceOutOfOrder(long expected, long actual) =>
        throw new ArgumentException($"Sequence {actual} appended where {expected} was expected", "sequence");

    [DoesNotReturn]
    public static void WriterFailed() =>
        throw new InvalidOperationException("An earlier write or flush failed; the journal must be recovered before appending again");

    [DoesNotReturn]
    public static void WriterDisposed() => throw new ObjectDisposedException(nameof(JournalWriter));
}
