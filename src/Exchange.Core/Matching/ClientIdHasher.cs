using System.Runtime.CompilerServices;
using Exchange.Core.Domain;

namespace Exchange.Core.Matching;

/// <summary>The engine's client-id fingerprint: deterministic (no per-process seed), so the index's layout and
/// probe counts are the same on every run and on every replica.</summary>
internal readonly struct ClientIdHasher : IClientIdHasher
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Fingerprint(long account, in ClientOrderId clientId) =>
        InlineAscii.Mix(clientId.Hash64(), (ulong)account);
}
