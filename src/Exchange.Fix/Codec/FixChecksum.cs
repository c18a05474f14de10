using System.Buffers;

namespace Exchange.Fix.Codec;

/// <summary>The FIX CheckSum (tag 10): the sum of every byte before <c>10=</c> (the SOH ending the body included), modulo 256.</summary>
public static class FixChecksum
{
    /// <summary>Checksum of <paramref name="bytes"/>.</summary>
    public static int Compute(ReadOnlySpan<byte> bytes)
    {
        uint sum = 0;
        foreach (byte b in bytes)
        {
            sum += b;
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
