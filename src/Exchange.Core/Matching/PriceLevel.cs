using System.Runtime.InteropServices;

namespace Exchange.Core.Matching;

/// <summary>One price with its FIFO queue of orders, and its node links in the side's red-black tree and
/// price-ordered list. Index 0 of the <see cref="LevelPool"/> is the tree's black sentinel. Padded to 64 bytes, one
/// cache line in the pool's <see cref="CacheAlignedArray{T}"/> (56 bytes at any multiple of 8 straddled two lines in
/// six cases of eight: a tree step or a queue change often touched both).</summary>
[StructLayout(LayoutKind.Sequential, Size = 64)]
internal struct PriceLevel
{
    public long Price;
    /// <summary>Sum of the visible quantity of the orders queued here (the L2 figure).</summary>
    public long Visible;
    public int OrderCount;
    public int Head;
    public int Tail;

    // Red-black tree links.
    public int Left;
    public int Right;
    public int Parent;
    public bool Red;

    /// <summary>Neighbouring levels of the same side in price order (0 = none): O(1) walk from the best level.</summary>
    public int Lower;
    public int Higher;
}
