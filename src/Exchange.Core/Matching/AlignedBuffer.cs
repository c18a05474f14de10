using System.Runtime.InteropServices;

namespace Exchange.Core.Matching;

/// <summary>Zeroed native memory starting on a cache-line boundary, freed when the buffer is collected. Asked for, a
/// large one starts on a 2 MB boundary and is offered 2 MB pages (<see cref="HugePages"/>, a hint): the order entries
/// and price levels are read at random, and with 4 KB pages nearly every such read also missed the TLB.
/// The memory comes from <c>calloc</c>, which maps a large block fresh (already zero, untouched): pages are faulted
/// in on first use, as a managed array's were.</summary>
internal sealed unsafe class AlignedBuffer
{
    private const nuint LineBytes = 64;

    private readonly void* _block;
    private readonly long _blockBytes;

    public AlignedBuffer(nuint bytes, bool hugePages)
    {
        nuint size = Math.Max(bytes, LineBytes);
        bool huge = hugePages && HugePages.IsWorthAsking(size);
        nuint alignment = huge ? HugePages.PageBytes : LineBytes;
        _block = NativeMemory.AllocZeroed(size + alignment);
        _blockBytes = (long)(size + alignment);
        Pointer = (byte*)(((nuint)_block + alignment - 1) & ~(alignment - 1));
        if (huge)
        {
            HugePages.Advise((nint)Pointer, size);
        }
        HugePagesAsked = hugePages;
        GC.AddMemoryPressure(_blockBytes);
    }

    ~AlignedBuffer()
    {
        NativeMemory.Free(_block);
        GC.RemoveMemoryPressure(_blockBytes);
    }

    /// <summary>The first byte (aligned).</summary>
    public byte* Pointer { get; }

    /// <summary>Whether 2 MB pages were asked for (a copy of the buffer asks the same).</summary>
    public bool HugePagesAsked { get; }
}
