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
    /// <see cref="_aheadNewest"/>: the fingerprint of the client id each looks up, and the order it probably targets.</summary>
    private readonly (ulong Fingerprint, int Order, bool Targets)[] _ahead = new (ulong, int, bool)[PrefetchDistance];
    private int _aheadNewest;

    /// <summary>Call once per command, before processing it, with the command <see cref="PrefetchDistance"/> ahead
    /// (or the furthest one available). Starts the first load of that command (its client-id index slot) and moves
    /// each of the three commands given before it one load further, each step reading only what the previous call
    /// started loading: the targeted order, then its book, sides and level, then the levels it will probably touch.
    /// Does nothing while the state is small enough to stay in the caches.</summary>
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

        ref var second = ref _ahead[(newest - 1) & (PrefetchDistance - 1)];
        if (second.Targets)
        {
            second.Order = PrefetchOrder(second.Fingerprint);
        }
        int third = _ahead[(newest - 2) & (PrefetchDistance - 1)].Order;
        if (third != 0)
        {
            PrefetchBook(third);
        }
        int fourth = _ahead[(newest - 3) & (PrefetchDistance - 1)].Order;
        if (fourth != 0)
        {
            PrefetchLevels(fourth);
        }
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
    private static void PrefetchLevel(PriceLevel[] levels, int level)
    {
        if (level != 0 && (uint)level < (uint)levels.Length)
        {
            PrefetchItem(ref levels[level]);
        }
    }

    // The addresses are only hints: should an array or object move before the instruction runs, nothing breaks.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void PrefetchLine<T>(ref T item) where T : struct => Sse.Prefetch0(Unsafe.AsPointer(ref item));

    /// <summary>Both lines of an item that may straddle two: a 56-byte level starts at any multiple of 8 bytes in its
    /// line, and the engine reads it whole (price, queue and links).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void PrefetchItem<T>(ref T item) where T : struct
    {
        byte* p = (byte*)Unsafe.AsPointer(ref item);
        Sse.Prefetch0(p);
        Sse.Prefetch0(p + Unsafe.SizeOf<T>() - 1);
    }

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
}
