using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using Exchange.Core.Domain;

namespace Exchange.Core.Matching;

/// <summary>Live orders by (account, client order id): an open-addressing table of 8-byte slots (a 32-bit tag folded from
/// the key's 64-bit fingerprint, and the order's pool index), linear probing, backward-shift deletion (no tombstones).
/// A probe touches one cache line where a <c>Dictionary&lt;OrderKey, int&gt;</c> with its 40-byte keys touched two or
/// more; eight slots a line (not four, as with the whole fingerprint) halve the table, so more of it stays cached, and
/// a probe run crosses into the next line half as often.
/// Exact: a tag match is confirmed against the order's own account and client id (<see cref="OrderPool"/>),
/// so two keys with the same tag are simply two slots. The table never holds more than half its slots, and
/// doubles (the only allocation) when it would. <typeparamref name="THasher"/> computes the fingerprints (a type
/// parameter rather than a delegate so the call inlines; tests substitute one that collides on purpose).</summary>
internal sealed class ClientIdIndex<THasher> where THasher : IClientIdHasher
{
    private readonly OrderPool _orders;
    private Slot[] _slots;
    private int _mask;

    public ClientIdIndex(OrderPool orders, int capacity)
    {
        _orders = orders;
        int size = 16;
        while (size < capacity * 2L && size < 1 << 30)
        {
            size <<= 1;
        }
        _slots = new Slot[size];
        _mask = size - 1;
    }

    public int Count { get; private set; }

    /// <summary>The pool index of the live order with this key, or 0.</summary>
    public int Find(long account, in ClientOrderId clientId) => Find(account, in clientId, out _);

    /// <summary>As <see cref="Find(long, in ClientOrderId)"/>, also giving the key's fingerprint: a caller that will
    /// remove the key passes it to <see cref="Remove(ulong, int)"/> instead of hashing the key again.</summary>
    public int Find(long account, in ClientOrderId clientId, out ulong fingerprint)
    {
        fingerprint = THasher.Fingerprint(account, in clientId);
        uint tag = TagOf(fingerprint);
        var slots = _slots;
        int mask = _mask;
        for (int i = (int)tag & mask; ; i = (i + 1) & mask)
        {
            ref var slot = ref slots[i];
            if (slot.Order == 0)
            {
                return 0;
            }
            if (slot.Tag == tag && Matches(slot.Order, account, in clientId))
            {
                return slot.Order;
            }
        }
    }

    /// <summary>Enters a key for <paramref name="order"/> unless it is already present; false (and nothing entered) if it is.
    /// The order's stored client id need not be this one yet (a replace enters the new id before renaming the order).</summary>
    public bool TryAdd(long account, in ClientOrderId clientId, int order)
    {
        uint tag = TagOf(THasher.Fingerprint(account, in clientId));
        var slots = _slots;
        int mask = _mask;
        int i = (int)tag & mask;
        for (; slots[i].Order != 0; i = (i + 1) & mask)
        {
            if (slots[i].Tag == tag && Matches(slots[i].Order, account, in clientId))
            {
                return false;
            }
        }
        Insert(i, tag, order);
        return true;
    }

    /// <summary>Enters a key known to be absent.</summary>
    public void Add(long account, in ClientOrderId clientId, int order)
    {
        uint tag = TagOf(THasher.Fingerprint(account, in clientId));
        var slots = _slots;
        int mask = _mask;
        int i = (int)tag & mask;
        while (slots[i].Order != 0)
        {
            i = (i + 1) & mask;
        }
        Insert(i, tag, order);
    }

    /// <summary>Removes the key of <paramref name="order"/>. Identified by fingerprint and pool index, so it needs no
    /// confirmation against the order (whose stored client id may already be another one). No-op if absent.</summary>
    public void Remove(long account, in ClientOrderId clientId, int order) =>
        Remove(THasher.Fingerprint(account, in clientId), order);

    /// <summary>Removes the key of <paramref name="order"/> given its fingerprint (from <see cref="Find(long, in ClientOrderId, out ulong)"/>).</summary>
    public void Remove(ulong fingerprint, int order)
    {
        uint tag = TagOf(fingerprint);
        var slots = _slots;
        int mask = _mask;
        int i = (int)tag & mask;
        for (; ; i = (i + 1) & mask)
        {
            if (slots[i].Order == 0)
            {
                return;
            }
            if (slots[i].Order == order && slots[i].Tag == tag)
            {
                break;
            }
        }
        // Backward shift: pull later entries of the probe run into the hole unless that would put them before their home slot.
        for (int j = (i + 1) & mask; slots[j].Order != 0; j = (j + 1) & mask)
        {
            int home = (int)slots[j].Tag & mask;
            if (((j - home) & mask) >= ((j - i) & mask))
            {
                slots[i] = slots[j];
                i = j;
            }
        }
        slots[i] = default;
        Count--;
    }

    /// <summary>Empties the table, keeping its size.</summary>
    public void Clear()
    {
        Array.Clear(_slots);
        Count = 0;
    }

    /// <summary>Writes every page of an empty table once, in address order, so that the operating system maps its memory
    /// now (a fresh table is untouched memory): a bulk load (snapshot restore) then inserts at random slots without
    /// a page fault on most of them. No effect on contents; does nothing once the table holds keys.</summary>
    public void Prefault()
    {
        if (Count != 0)
        {
            return;
        }
        var slots = _slots;
        // 4 KiB pages (the smallest): one store per page maps it; the store writes the empty slot it already was.
        int step = Math.Max(1, 4096 / Unsafe.SizeOf<Slot>());
        for (int i = 0; i < slots.Length; i += step)
        {
            slots[i] = default;
        }
    }

    /// <summary>Asks the CPU to start loading the slot a lookup of this fingerprint begins at, and the line after it
    /// if the slot is the last of its line (a hint: no effect on results). Probes, inserts and the backward shift of a
    /// removal read the slots after the first; about a third of those are taken, and one in eight of them is in the
    /// next line. <paramref name="removing"/>: the key will be removed, and the backward shift reads on to the end of
    /// its probe run, which from the last three slots of a line often crosses into the next: then that line is
    /// fetched too.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(ulong fingerprint, bool removing = false)
    {
        // The address is only a hint: should the array move before the instruction runs, nothing breaks.
        byte* slot = (byte*)Unsafe.AsPointer(ref _slots[(int)TagOf(fingerprint) & _mask]);
        Sse.Prefetch0(slot);
        if (((nint)slot & 63) >= (removing ? 64 - 24 : 64 - 8))
        {
            Sse.Prefetch0(slot + 64);
        }
    }

    /// <summary>A guess at the order a lookup of this fingerprint would find: the first slot holding it, unconfirmed
    /// (so it reads no order data). Only for prefetching: it may name another order, or 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Guess(ulong fingerprint)
    {
        uint tag = TagOf(fingerprint);
        var slots = _slots;
        int mask = _mask;
        for (int i = (int)tag & mask; ; i = (i + 1) & mask)
        {
            ref var slot = ref slots[i];
            if (slot.Order == 0 || slot.Tag == tag)
            {
                return slot.Order;
            }
        }
    }

    private bool Matches(int order, long account, in ClientOrderId clientId)
    {
        ref var entry = ref _orders.Items[order];
        return entry.Account == account && entry.ClientId.Equals(clientId);
    }

    private void Insert(int i, uint tag, int order)
    {
        _slots[i].Tag = tag;
        _slots[i].Order = order;
        Count++;
        if (Count > _slots.Length >> 1)
        {
            Grow();
        }
    }

    private void Grow()
    {
        var old = _slots;
        var slots = new Slot[old.Length * 2];
        int mask = slots.Length - 1;
        foreach (var slot in old)
        {
            if (slot.Order != 0)
            {
                int i = (int)slot.Tag & mask;
                while (slots[i].Order != 0)
                {
                    i = (i + 1) & mask;
                }
                slots[i] = slot;
            }
        }
        _slots = slots;
        _mask = mask;
    }

    /// <summary>The fingerprint of a key, as the table computes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Fingerprint(long account, in ClientOrderId clientId) => THasher.Fingerprint(account, in clientId);

    /// <summary>What a slot keeps of a fingerprint: both halves folded, so fingerprints that differ in either half
    /// (a hasher's few distinct values, in tests) still tend to differ. Its low bits choose the home slot.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint TagOf(ulong fingerprint) => (uint)fingerprint ^ (uint)(fingerprint >> 32);

    private struct Slot
    {
        public uint Tag;
        /// <summary>Pool index of the order; 0 = empty slot.</summary>
        public int Order;
    }
}
