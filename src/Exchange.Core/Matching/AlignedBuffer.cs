using System.Runtime.InteropServices;

namespace Exchange.Core.Matching;

/// <summary>Zeroed native memory starting on a cache-line boundary, freed when the buffer is collected. A large one
/// starts on a 2 MB boundary and is offered 2 MB pages before its first touch (a hint, <see cref="HugePages"/>): the order entries and price levels
/// are read at random, and with 4 KB pages nearly every such read also misses the TLB.</summary>
internal sealed unsafe class AlignedBuffer
{
    private const nuint LineBytes = 64;

    public AlignedBuffer(nuint bytes)
    {
        nuint size = Math.Max(bytes, LineBytes);
        Pointer = (byte*)NativeMemory.AlignedAlloc(size, HugePages.IsWorthAsking(size) ? HugePages.PageBytes : LineBytes);
        HugePages.Advise((nint)Pointer, size);
        NativeMemory.Clear(Pointer, size);
        GC.AddMemoryPressure((long)size);
        Bytes = size;
    }

    ~AlignedBuffer()
    {
        NativeMemory.AlignedFree(Pointer);
        GC.RemoveMemoryPressure((long)Bytes);
    }

    public byte* Pointer { get; }

    public nuint Bytes { get; }
}
