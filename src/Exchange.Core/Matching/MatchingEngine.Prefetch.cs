using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using Exchange.Core.Commands;

namespace Exchange.Core.Matching;

// Software prefetch of what upcoming commands will touch. With many orders or books (the `deep` and `multi`
// benchmarks) a command spends most of its time waiting for memory; the engine thread already holds the next
// commands (in its ring, or the bench's array), so it can start those loads while it processes the current one.
// Every step here is a hint: it reads state but changes nothing, and a stale or wrong guess costs only bandwidth.
public sealed partial class MatchingEngine
{
    /// <summary>How many commands ahead <see cref="PrefetchAhead"/> should be given: one dependent load per stage.</summary>
    public const int PrefetchDistance = 4;

    /// <summary>Below this many live orders the engine's state fits the caches, and prefetching would only add work.</summary>
    private const int PrefetchMinOrders = 16_384;

    /// <summary>The last <see cref="PrefetchDistance"/> commands given to <see cref="PrefetchAhead"/>, newest at
    /// <see cref="_aheadNewest"/>.</summary>
    private readonly AheadCommand[] _ahead = new AheadCommand[PrefetchDistance];
    private int _aheadNewest;

    /// <summary>Call once per command, before processing it, with the command <see cref="PrefetchDistance"/> ahead
    /// (or the furthest one available). Starts the first load of that command (its client-id index slot; for a new
    /// limit order also the root of its side's tree) and moves each of the three commands given before it one load
    /// further, each step reading only what the previous call started loading. A cancel or replace: the targeted
    /// order, then its book, sides and level, then the levels it will probably touch. A new limit order: the next
    /// node of the tree descent that will find its price level. Does nothing while the state is small enough to
    /// stay in the caches.</summary>
    public void PrefetchAhead(in Command upcoming)
    {
        if (!Sse.IsSupported || _orders.Count < PrefetchMinOrders)
        {
            return;
        }
        int newest = (_aheadNewest + 1) & (PrefetchDistance - 1);
        _aheadNewest = newest;
        ref var entry = ref _ahead[newest];
        entry.Order = 0;
        entry.Node = 0;
        entry.Targets = upcoming.Type is CommandType.Replace or CommandType.Cancel;
        entry.Fingerprint = entry.Targets
            ? ClientIdIndex<ClientIdHasher>.Fingerprint(upcoming.Account, in upcoming.OrigClientId)
            : ClientIdIndex<ClientIdHasher>.Fingerprint(upcoming.Account, in upcoming.ClientId);
        _orderByClientId.Prefetch(entry.Fingerprint);
        if (upcoming.Type == CommandType.Replace && !upcoming.ClientId.IsEmpty)
        {
            // A renaming replace also enters its new id: that slot is a miss of its own in a large index.
            _orderByClientId.Prefetch(ClientIdIndex<ClientIdHasher>.Fingerprint(upcoming.Account, in upcoming.ClientId));
        }
        else if (upcoming.Type == CommandType.NewOrder && upcoming.OrderType == Domain.OrderType.Limit)
        {
            StartDescent(ref entry, in upcoming);
        }

        ref var second = ref _ahead[(newest - 1) & (PrefetchDistance - 1)];
        if (second.Targets)
        {
            second.Order = PrefetchOrder(second.Fingerprint);
        }
        else
        {
            ContinueDescent(ref second);
        }
        ref var third = ref _ahead[(newest - 2) & (PrefetchDistance - 1)];
        if (third.Order != 0)
        {
            PrefetchBook(third.Order);
        }
        else
        {
            ContinueDescent(ref third);
        }
        ref var fourth = ref _ahead[(newest - 3) & (PrefetchDistance - 1)];
        if (fourth.Order != 0)
        {
            PrefetchLevels(fourth.Order);
        }
        else
        {
            ContinueDescent(ref fourth);
        }
    }

    /// <summary>First loads of a new limit order's level lookup: its side's best level (compared first) and the root
    /// of its tree, whose price decides the next node (the side objects are few and stay in the caches).</summary>
    private void StartDescent(ref AheadCommand entry, in Command upcoming)
    {
        if (!_instrumentBySymbol.TryGetValue(upcoming.Symbol, out int id) || 2 * id + 1 >= _bookSides.Length)
        {
            return;
        }
        var side = _bookSides[(2 * id) + (upcoming.Side == Domain.Side.Buy ? 0 : 1)];
        if (side is null)
        {
            return;
        }
        entry.Price = upcoming.Price;
        entry.Node = side.Root;
        PrefetchLevel(_levels.Items, entry.Node);
        PrefetchLevel(_levels.Items, side.Best);
    }

    /// <summary>One step of a new order's tree descent: reads the node the previous step started loading and starts
    /// loading the child towards the order's price (none once the price is found or the tree ends).</summary>
    private void ContinueDescent(ref AheadCommand entry)
    {
        int node = entry.Node;
        var levels = _levels.Items;
        if (node == 0 || (uint)node >= (uint)levels.Length)
        {
            return;
        }
        long price = levels[node].Price;
        node = entry.Price == price ? 0 : entry.Price < price ? levels[node].Left : levels[node].Right;
        entry.Node = node;
        PrefetchLevel(levels, node);
    }

    /// <summary>Starts loading a command's cache lines. For a caller that replays commands from a large array (the
    /// bench): the pipeline's ring is small and its slots freshly written, but a replayed array of millions of
    /// commands is read from memory, and the hardware prefetcher does not run far enough ahead of it.</summary>
    public static unsafe void PrefetchCommand(in Command command)
    {
        if (!Sse.IsSupported)
        {
            return;
        }
        byte* p = (byte*)Unsafe.AsPointer(ref Unsafe.AsRef(in command));
        for (int offset = 0; offset < Unsafe.SizeOf<Command>(); offset += 64)
        {
            Sse.Prefetch0(p + offset);
        }
        Sse.Prefetch0(p + Unsafe.SizeOf<Command>() - 1);
    }

    /// <summary>Second load: the order the index slot names (a guess). Returns it, or 0.</summary>
    private int PrefetchOrder(ulong fingerprint)
    {
        int index = _orderByClientId.Guess(fingerprint);
        if (index <= 0 || index >= _orders.Items.Length)
        {
            return 0;
        }
        PrefetchEntry(ref _orders.Items[index]);
        return index;
    }

    /// <summary>Third load: the order's book, instrument, both book sides, level, and neighbours in the level's queue.</summary>
    private void PrefetchBook(int index)
    {
        var items = _orders.Items;
        if (index >= items.Length)
        {
            return;
        }
        ref var o = ref items[index];
        if ((uint)o.Instrument < (uint)_books.Count)
        {
            PrefetchObject(_books[o.Instrument]);
            PrefetchObject(_instruments[o.Instrument]);
            PrefetchObject(_bookSides[2 * o.Instrument]);
            PrefetchObject(_bookSides[(2 * o.Instrument) + 1]);
        }
        PrefetchLevel(_levels.Items, o.Level);
        // Unlinking the order writes its queue neighbours' links, in their entries' first line. (The entry itself, not
        // a field of it: taking a field's address through the entry reference makes the JIT check it for null by
        // reading it, a real load where a prefetch was meant.)
        if (o.Prev != 0 && (uint)o.Prev < (uint)items.Length)
        {
            PrefetchLine(ref items[o.Prev]);
        }
        if (o.Next != 0 && (uint)o.Next < (uint)items.Length)
        {
            PrefetchLine(ref items[o.Next]);
        }
    }

    /// <summary>Fourth load: both sides' best levels (matching and resting start there) and the order's level's price
    /// neighbours (where a re-priced order usually goes).</summary>
    private void PrefetchLevels(int index)
    {
        var items = _orders.Items;
        if (index >= items.Length)
        {
            return;
        }
        ref var o = ref items[index];
        var levels = _levels.Items;
        if ((uint)o.Instrument < (uint)_books.Count)
        {
            PrefetchLevel(levels, _bookSides[2 * o.Instrument].Best);
            PrefetchLevel(levels, _bookSides[(2 * o.Instrument) + 1].Best);
        }
        if ((uint)o.Level < (uint)levels.Length && o.Level != 0)
        {
            ref var level = ref levels[o.Level];
            PrefetchLevel(levels, level.Lower);
            PrefetchLevel(levels, level.Higher);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PrefetchLevel(CacheAlignedArray<PriceLevel> levels, int level)
    {
        if (level != 0 && (uint)level < (uint)levels.Length)
        {
            PrefetchLine(ref levels[level]);
        }
    }

    // The addresses are only hints: should an array or object move before the instruction runs, nothing breaks.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void PrefetchLine<T>(ref T item) where T : struct => Sse.Prefetch0(Unsafe.AsPointer(ref item));

    /// <summary>The two lines of an order entry that a replace or cancel reads (<see cref="OrderEntry"/>: the third
    /// holds the account and instrument lists, expiry and risk).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void PrefetchEntry(ref OrderEntry entry)
    {
        byte* p = (byte*)Unsafe.AsPointer(ref entry);
        Sse.Prefetch0(p);
        Sse.Prefetch0(p + 64);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void PrefetchObject(object target) => Sse.Prefetch0(*(void**)Unsafe.AsPointer(ref target));

    /// <summary>What <see cref="PrefetchAhead"/> keeps of a command between its stages.</summary>
    private struct AheadCommand
    {
        /// <summary>The fingerprint of the client id the command looks up.</summary>
        public ulong Fingerprint;
        /// <summary>A cancel or replace: the order it probably targets (0 until known).</summary>
        public int Order;
        public bool Targets;
        /// <summary>A new limit order: its price, and the node of its side's tree being loaded (0 = done).</summary>
        public long Price;
        public int Node;
    }
}
