namespace Exchange.Core.Matching;

/// <summary>One price with its FIFO queue of orders, and its node links in the side's red-black tree and
/// price-ordered list. Index 0 of the <see cref="LevelPool"/> is the tree's black sentinel.</summary>
internal struct PriceLevel
{
    public long Price;
    /// <summary>Sum of the visible quantity of the orders queued here (the L2 figure).</summary>
    public long Visible;
    public int OrderCount;
    /// <summary>First and last order of the FIFO queue. While <see cref="Idle"/>: the previous and next idle level
    /// of the side instead (oldest first).</summary>
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

    /// <summary>Empty, but kept in its side for a while: orders often come back to a price they just left, and
    /// reusing the level spares a tree removal and insertion (<see cref="BookSide.Release"/>).</summary>
    public bool Idle;

    /// <summary>In the pool's free list, part of no side.</summary>
    public bool Free;
}
