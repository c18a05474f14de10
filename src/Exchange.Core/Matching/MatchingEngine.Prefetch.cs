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
    /// <summary>How many commands apart a command's consecutive loads are started. A load from memory takes 170–200 ns
    /// on the machine measured (docs/benchmarks.md), about as long as a `multi` command: a stage one command after the
    /// load it reads often waited for it; two commands apart it has arrived.</summary>
    private const int StageSpacing = 2;

    /// <summary>How many commands ahead <see cref="PrefetchAhead"/> should be given: five dependent loads per command,
    /// <see cref="StageSpacing"/> commands apart, the last one a command before it is processed.</summary>
    public const int PrefetchDistance = (4 * StageSpacing) + 1;

    /// <summary>Size of the ring of commands being prefetched: a power of two of at least <see cref="PrefetchDistance"/>.</summary>
    private const int AheadSlots = 16;

    /// <summary>Below this many live orders the engine's state fits the caches, and prefetching would only add work.</summary>
    private const int PrefetchMinOrders = 16_384;

    /// <summary>The last commands given to <see cref="PrefetchAhead"/> (the stages use <see cref="PrefetchDistance"/>
    /// of them), newest at <see cref="_aheadNewest"/>.</summary>
    private readonly AheadCommand[] _ahead = new AheadCommand[AheadSlots];
    private int _aheadNewest;

    /// <summary>Call once per command, before processing it, with the command <see cref="PrefetchDistance"/> ahead
    /// (or the furthest one available). Starts the first load of that command (its client-id index slot; for a new
    /// limit order also the root of its side's tree and the last orders of the lists it will join) and moves the
    /// commands given one to four times <see cref="StageSpacing"/> calls before it one load further, each step reading
    /// only what the command's previous step started loading. A cancel or replace: the targeted order, then its book,
    /// sides and level, then the levels it will probably touch (and a cancel's list neighbours), then the order a
    /// replace will queue behind. A new limit order: the next node of the tree descent that will find its price level,
    /// then the order it will queue behind. Does nothing while the state is small enough to stay in the caches.</summary>
    public void PrefetchAhead(in Command upcoming)
    {
        if (!Sse.IsSupported || _orders.Count < PrefetchMinOrders)
        {
            return;
        }
        int newest = (_aheadNewest + 1) & (AheadSlots - 1);
        _aheadNewest = newest;
        ref var entry = ref _ahead[newest];
        entry.Order = 0;
        entry.Node = 0;
        entry.Destination = 0;
        entry.Targets = upcoming.Type is CommandType.Replace or CommandType.Cancel;
        entry.Cancel = upcoming.Type == CommandType.Cancel;
        entry.Price = upcoming.Price;
        entry.Fingerprint = entry.Targets
            ? ClientIdIndex<ClientIdHasher>.Fingerprint(upcoming.Account, in upcoming.OrigClientId)
            : ClientIdIndex<ClientIdHasher>.Fingerprint(upcoming.Account, in upcoming.ClientId);
        _orderByClientId.Prefetch(entry.Fingerprint, removing: entry.Targets);
        if (upcoming.Type == CommandType.Replace && !upcoming.ClientId.IsEmpty)
        {
            // A renaming replace also enters its new id: that slot is a miss of its own in a large index.
            _orderByClientId.Prefetch(ClientIdIndex<ClientIdHasher>.Fingerprint(upcoming.Account, in upcoming.ClientId));
        }
        else if (upcoming.Type == CommandType.NewOrder && upcoming.OrderType == Domain.OrderType.Limit)
        {
            StartDescent(ref entry, in upcoming);
        }

        ref var second = ref _ahead[(newest - StageSpacing) & (AheadSlots - 1)];
        if (second.Targets)
        {
            second.Order = PrefetchOrder(second.Fingerprint, second.Cancel);
        }
        else
        {
            ContinueDescent(ref second);
        }
        ref var third = ref _ahead[(newest - (2 * StageSpacing)) & (AheadSlots - 1)];
        if (third.Order != 0)
        {
            PrefetchBook(third.Order);
        }
        else
        {
            ContinueDescent(ref third);
        }
        ref var fourth = ref _ahead[(newest - (3 * StageSpacing)) & (AheadSlots - 1)];
        if (fourth.Order != 0)
        {
            PrefetchLevels(ref fourth);
        }
        else
        {
            ContinueDescent(ref fourth);
        }
        ref var fifth = ref _ahead[(newest - (4 * StageSpacing)) & (AheadSlots - 1)];
        if (fifth.Order != 0)
        {
            PrefetchDestination(fifth.Destination, fifth.Price);
        }
        else
        {
            ContinueDescent(ref fifth);
        }
    }

    /// <summary>First loads of a new limit order's level lookup: its side's best level (compared first) and the root
    /// of its tree, whose price decides the next node (the side objects are few and stay in the caches); and the
    /// last orders of its instrument's and account's lists, which entering it writes.</summary>
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
        // Entering the order appends it to its instrument's and its account's lists: their last orders' third lines.
        PrefetchLists(_books[id].OrdersTail);
        if (_accountSlots.TryGetValue(upcoming.Account, out int slot))
        {
            PrefetchLists(_accounts[slot].Tail);
        }
        PrefetchLevel(_levels.Items, entry.Node);
        PrefetchLevel(_levels.Items, side.Best);
    }

    /// <summary>One step of a new order's tree descent: reads the node the previous step started loading and starts
    /// loading the child towards the order's price; once the price is found, the level's last order instead (the new
    /// order queues behind it), and the descent ends.</summary>
    private void ContinueDescent(ref AheadCommand entry)
    {
        int node = entry.Node;
        var levels = _levels.Items;
        if (node == 0 || (uint)node >= (uint)levels.Length)
        {
            return;
        }
        long price = levels[node].Price;
        if (entry.Price == price)
        {
            // The order will join this level: queuing it writes the level's last order.
            PrefetchQueued(levels[node].Tail);
            entry.Node = 0;
            return;
        }
        node = entry.Price < price ? levels[node].Left : levels[node].Right;
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

    /// <summary>Second load: the order the index slot names (a guess); for a cancel all three lines of its entry (the third
    /// holds its list links). Returns it, or 0.</summary>
    private int PrefetchOrder(ulong fingerprint, bool cancel)
    {
        int index = _orderByClientId.Guess(fingerprint);
        if (index <= 0 || index >= _orders.Items.Length)
        {
            return 0;
        }
        PrefetchEntry(ref _orders.Items[index], cancel);
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
    /// neighbours (where a re-priced order usually goes); the level's tree parent if the order is alone on it; the
    /// level's last order for a replace that keeps its price (else, for a re-pricing one, which neighbour the fifth load
    /// looks at); a cancel's neighbours in the account and instrument lists.</summary>
    private void PrefetchLevels(ref AheadCommand ahead)
    {
        int index = ahead.Order;
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
            if (level.OrderCount == 1)
            {
                // The order is alone: its level will probably empty and leave the tree, which rewrites its parent.
                PrefetchLevel(levels, level.Parent);
            }
            if (!ahead.Cancel)
            {
                if (ahead.Price == o.Price)
                {
                    // A replace at the same price that loses priority goes to the back of its own level.
                    PrefetchQueued(level.Tail);
                }
                else if (!o.OnStopBook)
                {
                    // A re-priced order usually goes to the neighbouring level on the side of its new price.
                    ahead.Destination = ahead.Price < level.Price ? level.Lower : level.Higher;
                }
            }
        }
        if (ahead.Cancel)
        {
            // Releasing the order unlinks it from its account's and instrument's lists: the neighbours' third lines.
            PrefetchLists(o.AccountPrev);
            PrefetchLists(o.AccountNext);
            PrefetchLists(o.InstrumentPrev);
            PrefetchLists(o.InstrumentNext);
        }
    }

    /// <summary>Fifth load, a replace: the last order of the neighbouring level the fourth load chose
    /// (<see cref="AheadCommand.Destination"/>), if that level is at the new price (where most replaces go); queuing
    /// the order behind it writes its link.</summary>
    private void PrefetchDestination(int neighbour, long price)
    {
        var levels = _levels.Items;
        if (neighbour != 0 && (uint)neighbour < (uint)levels.Length && levels[neighbour].Price == price)
        {
            PrefetchQueued(levels[neighbour].Tail);
        }
    }

    /// <summary>The first line of an order queued at a level (its queue links).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PrefetchQueued(int index)
    {
        var items = _orders.Items;
        if (index != 0 && (uint)index < (uint)items.Length)
        {
            PrefetchLine(ref items[index]);
        }
    }

    /// <summary>The third line of an order (its account- and instrument-list links).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private unsafe void PrefetchLists(int index)
    {
        var items = _orders.Items;
        if (index != 0 && (uint)index < (uint)items.Length)
        {
            Sse.Prefetch0((byte*)Unsafe.AsPointer(ref items[index]) + 128);
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
    /// holds the account and instrument lists, expiry and risk), and with <paramref name="all"/> the third too.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void PrefetchEntry(ref OrderEntry entry, bool all = false)
    {
        byte* p = (byte*)Unsafe.AsPointer(ref entry);
        Sse.Prefetch0(p);
        Sse.Prefetch0(p + 64);
        if (all)
        {
            Sse.Prefetch0(p + 128);
        }
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
        /// <summary>A cancel: its order leaves the account's and instrument's lists.</summary>
        public bool Cancel;
        /// <summary>The command's price (a replace's new price), and for a new limit order the node of its side's tree being loaded (0 = done).</summary>
        public long Price;
        public int Node;
        /// <summary>A re-pricing replace: the neighbour of its order's level on the side of the new price (0 = none),
        /// chosen by the fourth load for the fifth.</summary>
        public int Destination;
    }
}
