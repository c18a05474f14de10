using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.CompilerServices;

namespace Exchange.Journal.Format;

/// <summary>Computes record chain hashes: XxHash64 (seed 0) over the previous record's chain hash (8 bytes,
/// little-endian) followed by this record's header and payload. Reuses one hasher, so it allocates nothing
/// per record; not thread-safe — each writer and reader owns one.</summary>
internal sealed class ChainHasher
{
    private readonly XxHash64 _hash = new();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ulong Next(ulong previous, ReadOnlySpan<byte> headerAndPayload)
    {
        Span<byte> previousBytes = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64LittleEndian(previousBytes, previous);
        _hash.Reset();
        _hash.Append(previousBytes);
        _hash.Append(headerAndPayload);
        return _hash.GetCurrentHashAsUInt64();
    }
}
