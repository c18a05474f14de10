using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.IO.MemoryMappedFiles;
using Exchange.Core.Snapshots;

namespace Exchange.Core.Matching;

// Saving and restoring the complete engine state (for snapshots, standbys and replay checks).
public sealed partial class MatchingEngine
{
    /// <summary>Writes the complete state. Call on the engine's own thread (or on a stopped engine).</summary>
    public void WriteSnapshot(Stream stream)
    {
        var body = new MemoryStream();
        WriteSnapshotBody(body);
        // A checksum over the whole body: a flipped bit anywhere is caught before parsing.
        stream.Write(body.GetBuffer().AsSpan(0, (int)body.Length));
        Span<byte> checksum = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(checksum, XxHash64.HashToUInt64(body.GetBuffer().AsSpan(0, (int)body.Length)));
        stream.Write(checksum);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteSnapshotBody(Stream stream)
    {
        var writer = new EngineSnapshotWriter(stream);
        writer.WriteHeader(Sequence, _lastOrderId, _lastTradeId, _instruments.Count, _orders.Count);
        foreach (var instrument in _instruments)
        {
            writer.WriteInstrument(instrument);
        }
        // Live orders in ascending order id: restoring them in this order rebuilds the account and
        // instrument lists exactly.
        var items = _orders.Items;
        var live = new List<int>(_orders.Count);
        foreach (var book in _books)
        {
            for (int i = book.OrdersHead; i != 0; i = items[i].InstrumentNext)
            {
                live.Add(i);
            }
        }
        live.Sort((a, b) => items[a].OrderId.CompareTo(items[b].OrderId));
        writer.WriteCount(live.Count);
        foreach (int i in live)
        {
            writer.WriteOrder(in items[i], items[i].OcoPartner == 0 ? 0 : items[items[i].OcoPartner].OrderId);
        }
        // Then every queue, as order ids in priority order.
        foreach (var book in _books)
        {
            WriteQueues(writer, book.Bids);
            WriteQueues(writer, book.Asks);
            WriteQueues(writer, book.BuyStops);
            WriteQueues(writer, book.SellStops);
        }
        writer.WriteRiskState(SaveRiskState());
        writer.WriteTrailer(ComputeStateDigest());
    }

    private void WriteQueues(EngineSnapshotWriter writer, BookSide side)
    {
        var items = _orders.Items;
        writer.WriteCount(side.LevelCount);
        for (int level = side.Best; level != 0; level = side.NextWorse(level))
        {
            writer.WriteLevel(_levels.Items[level].Price, _levels.Items[level].OrderCount);
            for (int i = _levels.Items[level].Head; i != 0; i = items[i].Next)
            {
                writer.WriteOrderId(items[i].OrderId);
            }
        }
    }

    /// <summary>Builds an engine from a snapshot written by <see cref="WriteSnapshot"/>, its pools sized for the
    /// snapshot's orders (at least <paramref name="options"/>). Throws <see cref="InvalidDataException"/> if the
    /// snapshot is damaged (checksum) or, with <paramref name="verifyDigest"/>, if the rebuilt state's digest
    /// differs from the one written (a second load of bytes already verified may skip that pass).</summary>
    public static MatchingEngine ReadSnapshot(Stream stream, EngineOptions? options = null, bool verifyDigest = true) =>
        ReadSnapshot(stream, options, verifyDigest, out _);

    /// <summary>As <see cref="ReadSnapshot(Stream, EngineOptions?, bool)"/>; <paramref name="digest"/> is the state digest
    /// the snapshot was written with (verified against the rebuilt state unless <paramref name="verifyDigest"/> is false).</summary>
    public static unsafe MatchingEngine ReadSnapshot(Stream stream, EngineOptions? options, bool verifyDigest, out ulong digest)
    {
        if (stream is FileStream { CanSeek: true } file && file.Length - file.Position >= MapFromBytes && Map(file) is ({ } view, int mapped))
        {
            // A snapshot file is mapped, not read: its pages are the page cache's own, so there is no copy and no
            // fresh buffer of hundreds of megabytes to fault in (files are written once and replaced, never changed).
            using (view)
            {
                byte* start = null;
                view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
                try
                {
                    var engine = Load(start + view.PointerOffset, mapped, options, verifyDigest, out digest);
                    file.Seek(0, SeekOrigin.End); // consumed, as when read
                    return engine;
                }
                finally
                {
                    view.SafeMemoryMappedViewHandle.ReleasePointer();
                }
            }
        }
        byte[] buffer;
        int length;
        if (stream.CanSeek)
        {
            // One exact-size read: growing a buffer would copy the bytes again.
            length = checked((int)(stream.Length - stream.Position));
            buffer = GC.AllocateUninitializedArray<byte>(length);
            stream.ReadExactly(buffer);
        }
        else
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            buffer = copy.GetBuffer();
            length = (int)copy.Length;
        }
        fixed (byte* bytes = buffer)
        {
            return Load(bytes, length, options, verifyDigest, out digest);
        }
    }

    /// <summary>A read-only view of the rest of <paramref name="file"/> (from its position) and its length, or null where
    /// the file cannot be mapped (it is then read).</summary>
    private static (MemoryMappedViewAccessor View, int Length)? Map(FileStream file)
    {
        long offset = file.Position;
        long length = file.Length - offset;
        if (length > int.MaxValue)
        {
            return null;
        }
        try
        {
            // The view keeps the mapping alive after the file mapping object is closed.
            using var map = MemoryMappedFile.CreateFromFile(file.SafeFileHandle, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
            return (map.CreateViewAccessor(offset, length, MemoryMappedFileAccess.Read), (int)length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Snapshots from this size up are mapped rather than read, when they come from a file.</summary>
    private const long MapFromBytes = 1 << 20;

    /// <summary>Builds the engine from a snapshot's bytes (<paramref name="length"/> of them at <paramref name="bytes"/>,
    /// valid for the call).</summary>
    private static unsafe MatchingEngine Load(byte* bytes, int length, EngineOptions? options, bool verifyDigest, out ulong digest)
    {
        var span = new ReadOnlySpan<byte>(bytes, length);
        if (span.Length < 8 || BinaryPrimitives.ReadUInt64LittleEndian(span[^8..]) != XxHash64.HashToUInt64(span[..^8]))
        {
            throw new InvalidDataException("Snapshot checksum mismatch (truncated or damaged).");
        }
        try
        {
            var reader = new EngineSnapshotReader(bytes, length - 8);
            var header = reader.ReadHeader();
            options ??= new EngineOptions();
            var engine = new MatchingEngine(options with { OrderCapacity = Math.Max(options.OrderCapacity, header.Orders + header.Orders / 4 + 16) });
            digest = engine.Restore(reader, header, verifyDigest);
            return engine;
        }
        catch (Exception e) when (e is not InvalidDataException)
        {
            throw new InvalidDataException("Snapshot is damaged.", e);
        }
    }

    // Runs once per start over millions of orders: compile it fully optimized at once rather than start in tier 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ulong Restore(EngineSnapshotReader reader, (long Sequence, long LastOrderId, long LastTradeId, int Instruments, int Orders) header,
        bool verifyDigest)
    {
        Sequence = header.Sequence;
        _lastOrderId = header.LastOrderId;
        _lastTradeId = header.LastTradeId;
        for (int n = 0; n < header.Instruments; n++)
        {
            var instrument = reader.ReadInstrument(_instruments.Count);
            _instrumentBySymbol.Add(instrument.Symbol, instrument.Id);
            _instruments.Add(instrument);
            var book = new OrderBook(instrument, _levels);
            book.Risk.CurrencyIndex = CurrencyIndex(instrument.SettlementCurrency, add: true);
            AddBook(book);
        }

        // Orders were written in ascending order id, then every queue as order ids in priority order. An order id maps
        // to its pool slot through a direct table (OrderSlotMap): no million-entry dictionary, no search per queued order.
        int count = reader.ReadCount();
        if (count != header.Orders)
        {
            throw new InvalidDataException("Snapshot order count mismatch.");
        }
        // Its pages are faulted in once, in order, rather than at random by the inserts below.
        _orderByClientId.Prefault();
        var partners = new List<(int Index, long PartnerId)>();
        var plan = PlanQueueOrder(reader, count, header.Instruments);
        var slotOf = plan is not null
            ? RestoreOrders(reader, header.Instruments, count, plan, partners)
            : RestoreOrdersInIdOrder(reader, header.Instruments, count, partners);
        foreach (var (index, partnerId) in partners)
        {
            _orders.Items[index].OcoPartner = SlotOf(slotOf, partnerId);
        }
        // With slots in queue order the queues take slots 1, 2, … in turn: no lookup, the order's id is only checked.
        int inQueueOrder = plan is not null ? 0 : -1;
        foreach (var book in _books)
        {
            RestoreQueues(reader, book.Bids, slotOf, ref inQueueOrder);
            RestoreQueues(reader, book.Asks, slotOf, ref inQueueOrder);
            book.StopOrders = RestoreQueues(reader, book.BuyStops, slotOf, ref inQueueOrder) + RestoreQueues(reader, book.SellStops, slotOf, ref inQueueOrder);
        }
        if (reader.ReadRiskState() is { } risk)
        {
            RestoreRiskState(risk);
        }
        ulong stored = reader.ReadTrailer();
        if (verifyDigest && stored != ComputeStateDigest())
        {
            throw new InvalidDataException("Snapshot digest does not match the restored state.");
        }
        return stored;
    }

    /// <summary>Slots in queue order: reads the queues (after the orders, whose records have a fixed size) and gives
    /// the orders slots 1, 2, … in the order every book side is walked (bids, asks, buy stops, sell stops, each best
    /// first), so that walking a book later reads the pool in address order instead of jumping about it. Null when the
    /// order ids are too sparse for a table (the orders then take slots in id order). Leaves the reader at the orders.</summary>
    private static QueueOrderPlan? PlanQueueOrder(EngineSnapshotReader reader, int count, int books)
    {
        int ordersAt = reader.Position;
        if (count == 0)
        {
            return null;
        }
        long first = reader.PeekOrderRecordId(0);
        long range = reader.PeekOrderRecordId(count - 1) - first + 1;
        if (!OrderSlotMap.FitsTable(range, count))
        {
            return null;
        }
        var table = new int[range];
        reader.SkipOrderRecords(count);
        int planned = 0;
        for (int side = 0; side < books * 4; side++)
        {
            int levels = reader.ReadCount();
            for (int l = 0; l < levels; l++)
            {
                var (_, orders) = reader.ReadLevel();
                for (int k = 0; k < orders; k++)
                {
                    long orderId = reader.ReadOrderId();
                    ulong offset = (ulong)(orderId - first);
                    if (offset >= (ulong)table.Length || planned == count)
                    {
                        ThrowMissing(orderId);
                    }
                    if (table[offset] != 0)
                    {
                        throw new InvalidDataException($"Order {orderId} queued twice in snapshot.");
                    }
                    table[offset] = ++planned;
                }
            }
        }
        reader.Position = ordersAt;
        return new QueueOrderPlan(first, table, planned);
    }

    /// <summary>Order id → slot in queue order (<see cref="PlanQueueOrder"/>): <see cref="Table"/>[id − <see cref="First"/>];
    /// the first <see cref="Planned"/> slots go to queued orders.</summary>
    private sealed record QueueOrderPlan(long First, int[] Table, int Planned);

    /// <summary>Reads the orders into the slots <paramref name="plan"/> gives them (orders on no queue take the slots after).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private OrderSlotMap RestoreOrders(EngineSnapshotReader reader, int instruments, int count, QueueOrderPlan plan,
        List<(int Index, long PartnerId)> partners)
    {
        // Slots 1..count, reset in address order (the engine is new: its pool hands them out in sequence).
        for (int n = 1; n <= count; n++)
        {
            if (_orders.Allocate() != n)
            {
                throw new InvalidOperationException("A restore needs a new engine.");
            }
        }
        var table = plan.Table;
        int unqueued = plan.Planned;
        int placed = 0;
        long previous = 0;
        bool prefetch = Sse.IsSupported;
        for (int n = 0; n < count; n++)
        {
            // Orders land at scattered slots, and their client-id slots at random: start loading both for an order
            // a few records ahead, so the misses overlap this order's work.
            if (prefetch && n + RestorePrefetchDistance < count)
            {
                Prefetch(reader, table, plan.First);
            }
            long orderId = reader.PeekOrderRecordId(0);
            ulong offset = (ulong)(orderId - plan.First);
            if (orderId <= previous || offset >= (ulong)table.Length)
            {
                throw new InvalidDataException("Snapshot orders out of order.");
            }
            int index = table[offset];
            if (index == 0)
            {
                if (unqueued == count)
                {
                    throw new InvalidDataException("A queued order is missing from the snapshot.");
                }
                index = ++unqueued;
                table[offset] = index;
            }
            else
            {
                placed++;
            }
            RestoreOrder(reader, instruments, index, partners);
            previous = orderId;
        }
        if (placed != plan.Planned)
        {
            throw new InvalidDataException("A queued order is missing from the snapshot.");
        }
        return new OrderSlotMap(plan.First, table);
    }

    /// <summary>Starts loading the client-id table slot and the pool slot of the order record
    /// <see cref="RestorePrefetchDistance"/> records ahead (hints only).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Prefetch(EngineSnapshotReader reader, int[] table, long first)
    {
        if (reader.PeekOrderKey(RestorePrefetchDistance, out long account, out var clientId))
        {
            _orderByClientId.Prefetch(ClientIdIndex<ClientIdHasher>.Fingerprint(account, in clientId));
            ulong offset = (ulong)(reader.PeekOrderRecordId(RestorePrefetchDistance) - first);
            if (offset < (ulong)table.Length && table[offset] is > 0 and var slot && slot < _orders.Items.Length)
            {
                PrefetchEntry(ref _orders.Items[slot]);
            }
        }
    }

    /// <summary>Reads the orders into slots in id order (ids too sparse for <see cref="PlanQueueOrder"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private OrderSlotMap RestoreOrdersInIdOrder(EngineSnapshotReader reader, int instruments, int count, List<(int Index, long PartnerId)> partners)
    {
        var ids = new long[count];
        var slots = new int[count];
        for (int n = 0; n < count; n++)
        {
            int index = _orders.Allocate();
            ids[n] = reader.PeekOrderRecordId(0);
            if (n > 0 && ids[n] <= ids[n - 1])
            {
                throw new InvalidDataException("Snapshot orders out of order.");
            }
            RestoreOrder(reader, instruments, index, partners);
            slots[n] = index;
        }
        return new OrderSlotMap(ids, slots, count);
    }

    /// <summary>Reads the next order into slot <paramref name="index"/> and enters it in the client-id, account,
    /// instrument and expiry indexes (not yet in a queue).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void RestoreOrder(EngineSnapshotReader reader, int instruments, int index, List<(int Index, long PartnerId)> partners)
    {
        reader.ReadOrder(instruments, out _orders.Items[index], out long partnerId);
        ref var entry = ref _orders.Items[index];
        bool expires = entry.ExpiryHeapIndex >= 0;
        entry.ExpiryHeapIndex = -1;
        Register(index, _books[entry.Instrument]);
        if (partnerId != 0)
        {
            partners.Add((index, partnerId));
        }
        if (expires)
        {
            _expiries.Add(index);
        }
    }

    /// <summary>Rebuilds one side from the snapshot; returns the number of orders queued on it. <paramref name="lastSlot"/>:
    /// the slot of the last order queued so far when slots were given in queue order (<see cref="PlanQueueOrder"/>),
    /// or −1 (slots found through <paramref name="slotOf"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int RestoreQueues(EngineSnapshotReader reader, BookSide side, OrderSlotMap slotOf, ref int lastSlot)
    {
        int queued = 0;
        bool prefetch = Sse.IsSupported;
        int levels = reader.ReadCount();
        int previous = 0;
        for (int l = 0; l < levels; l++)
        {
            var (price, orders) = reader.ReadLevel();
            for (int k = 0; k < orders; k++)
            {
                int index;
                if (lastSlot >= 0)
                {
                    long orderId = reader.ReadOrderId();
                    index = ++lastSlot;
                    if (index >= _orders.Items.Length || _orders.Items[index].OrderId != orderId)
                    {
                        ThrowMissing(orderId);
                    }
                }
                else
                {
                    // Queues come in priority order, orders were allocated in id order: the slots are far apart.
                    if (prefetch && k + RestorePrefetchDistance < orders
                        && slotOf.SlotOf(reader.PeekOrderId(RestorePrefetchDistance)) is var ahead and > 0)
                    {
                        PrefetchEntry(ref _orders.Items[ahead]);
                    }
                    index = SlotOf(slotOf, reader.ReadOrderId());
                }
                if (_orders.Items[index].Level != 0)
                {
                    throw new InvalidDataException($"Order {_orders.Items[index].OrderId} queued twice in snapshot.");
                }
                // Levels come best first: the previous one is the new one's neighbour (O(1) insert).
                Enqueue(side, index, price, previous);
                previous = _orders.Items[index].Level;
            }
            queued += orders;
        }
        return queued;
    }

    /// <summary>How many orders ahead the restore prefetches (the client-id slot, the queued order).</summary>
    private const int RestorePrefetchDistance = 8;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SlotOf(OrderSlotMap slots, long orderId)
    {
        int slot = slots.SlotOf(orderId);
        if (slot == 0)
        {
            ThrowMissing(orderId);
        }
        return slot;
    }

    [DoesNotReturn]
    private static void ThrowMissing(long orderId) => throw new InvalidDataException($"Order {orderId} missing from snapshot.");
}
