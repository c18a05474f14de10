using System.Diagnostics.CodeAnalysis;

namespace Exchange.Fix.Codec;

/// <summary>Throws on behalf of hot methods so that they stay small enough to inline.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void DestinationTooSmall() =>
        throw new ArgumentException("The destination buffer is too small for the message.", "destination");

    [DoesNotReturn]
    public static void InvalidValue(int tag) =>
        throw new ArgumentException($"The value for tag {tag} is empty or contains SOH or non-ASCII characters.", "value");

    [DoesNotReturn]
    public static void NotBegun() =>
        throw new InvalidOperationException("Call Begin(msgType) before appending fields or finishing.");
}
