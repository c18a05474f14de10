namespace Exchange.Core.Matching;

/// <summary>A price level's node in its side's red-black tree, kept apart from the level (same index in the
/// <see cref="LevelPool"/>): descents and rebalancing read only these 24-byte nodes, so a path touches few cache
/// lines and the nodes of many books fit the caches. Index 0 is the tree's black sentinel.</summary>
internal struct TreeNode
{
    /// <summary>The level's price (a copy: fixed while the level is allocated).</summary>
    public long Price;
    public int Left;
    public int Right;
    public int Parent;
    public bool Red;
}
