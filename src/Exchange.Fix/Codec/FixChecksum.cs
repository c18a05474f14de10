using System.Buffers;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Exchange.Fix.Codec;

/// <summary>The FIX CheckSum (tag 10): the sum of every byte before <c>10=</c> (the SOH ending the body included), modulo 256.</summary>
public static class FixChecksum
{
    /// <summary>Checksum of <paramref name="bytes"/>.</summary>
    public static int Compute(ReadOnlySpan<byte> bytes)
    {
        uint sum = 0;
        int i = 0;
        if (Sse2.IsSupported && bytes.Length >= Vector128<byte>.Count)
        {
            // Every message sent is summed once: PSADBW adds 16 bytes at a time into two 64-bit lanes.
            var total = Vector128<ulong>.Zero;
            ref byte start = ref MemoryMarshal.GetReference(bytes);
            for (; i <= bytes.Length - Vector128<byte>.Count; i += Vector128<byte>.Count)
            {
                var block = Vector128.LoadUnsafe(ref start, (nuint)i);
                total += Sse2.SumAbsoluteDifferences(block, Vector128<byte>.Zero).AsUInt64();
            }
            sum = (uint)(total.GetElement(0) + total.GetElement(1));
        }
        for (; i < bytes.Length; i++)
        {
            sum += bytes[i];
        }
        return (int)(sum & 0xFF);
    }

    /// <summary>Checksum of the first <paramref name="length"/> bytes of <paramref name="bytes"/>, across segments.</summary>
    public static int Compute(in ReadOnlySequence<byte> bytes, long length)
    {
        uint sum = 0;
        foreach (ReadOnlyMemory<byte> segment in bytes.Slice(0, length))
        {
            sum += (uint)Compute(segment.Span);
        }
        return (int)(sum & 0xFF);
    }
}
