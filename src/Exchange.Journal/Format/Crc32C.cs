using System.Buffers.Binary;
using System.Numerics;

namespace Exchange.Journal.Format;

/// <summary>CRC-32C (Castagnoli), as iSCSI and ext4 use it: initial value and final xor 0xFFFFFFFF.
/// <see cref="BitOperations.Crc32C(uint, ulong)"/> uses the SSE4.2 / ARMv8 CRC instructions where present.
/// Thread-safe (pure function).</summary>
internal static class Crc32C
{
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFFu;
        int i = 0;
        for (; i + 8 <= data.Length; i += 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data[i..]));
        }
        for (; i < data.Length; i++)
        {
            crc = BitOperations.Crc32C(crc, data[i]);
        }
        return ~crc;
    }
}
