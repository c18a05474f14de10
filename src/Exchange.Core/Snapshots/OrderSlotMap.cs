namespace Exchange.Core.Snapshots;

/// <summary>Order id → pool slot for a snapshot restore, built from the snapshot's orders (ascending ids). Live order
/// ids are dense in practice (a run of recent ids with gaps where orders finished), so the map is a plain array
/// indexed by id − smallest id: one load per lookup, no hashing, no search. Ids spread too thinly for that (the
/// table would exceed <see cref="MaxTableFactor"/> entries per order) fall back to a binary search.</summary>
internal sealed class OrderSlotMap
{
    /// <summary>The dense table may have up to this many entries per order (plus a small constant) before the map
    /// searches instead: 4 bytes per entry, so at most 16 bytes per order.</summary>
    public const int MaxTableFactor = 4;

    private readonly long _first;
    private readonly int[]? _table;
    private readonly long[]? _ids;
    private readonly int[]? _slots;

    /// <param name="ids">Order ids, strictly ascending (not kept when the table is used).</param>
    /// <param name="slots">The pool slot of each order (≥ 1), parallel to <paramref name="ids"/>.</param>
    /// <param name="count">Entries used in both arrays.</param>
    public OrderSlotMap(long[] ids, int[] slots, int count)
    {
        if (count == 0)
        {
            _table = [];
            return;
        }
        _first = ids[0];
        long range = ids[count - 1] - _first + 1;
        if (FitsTable(range, count))
        {
            var table = new int[range];
            for (int n = 0; n < count; n++)
            {
                table[ids[n] - _first] = slots[n];
            }
            _table = table;
        }
        else
        {
            _ids = ids;
            _slots = slots;
            Count = count;
        }
    }

    /// <summary>A map over a table already built: <paramref name="table"/>[id − <paramref name="first"/>] is the slot, 0 for none.</summary>
    public OrderSlotMap(long first, int[] table)
    {
        _first = first;
        _table = table;
    }

    /// <summary>Whether <paramref name="count"/> orders whose ids span <paramref name="range"/> ids get a dense table.</summary>
    public static bool FitsTable(long range, int count) => range > 0 && range <= (long)count * MaxTableFactor + 1024;

    /// <summary>True when lookups index the dense table (false: binary search).</summary>
    public bool IsDense => _table is not null;

    private int Count { get; }

    /// <summary>The slot of <paramref name="orderId"/>, or 0 if it was not among the orders.</summary>
    public int SlotOf(long orderId)
    {
        if (_table is { } table)
        {
            ulong offset = (ulong)(orderId - _first);
            return offset < (ulong)table.Length ? table[offset] : 0;
        }
        int i = Array.BinarySearch(_ids!, 0, Count, orderId);
        return i >= 0 ? _slots![i] : 0;
    }
}
