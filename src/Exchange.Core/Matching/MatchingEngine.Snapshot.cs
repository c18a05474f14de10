using System.Buffers.Binary;
using System.IO.Hashing;
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

    private void WriteSnapshotBody(Stream stream)
    {
        var writer = new EngineSnapshotWriter(stream);
        writer.WriteHeader(Sequence, _lastOrderId, _lastTradeId, _instruments.Count);
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
            writer.WriteOrder(in items[i], _orders.ClientIds[i], items[i].OcoPartner == 0 ? 0 : items[items[i].OcoPartner].OrderId);
        }
        // Then every queue, as order ids in priority order.
        foreach (var book in _books)
        {
            WriteQueues(writer, book.Bids);
            WriteQueues(writer, book.Asks);
            WriteQueues(writer, book.BuyStops);
            WriteQueues(writer, book.SellStops);
        }
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

    /// <summary>Builds an engine from a snapshot written by <see cref="WriteSnapshot"/>. Throws
    /// <see cref="InvalidDataException"/> if the snapshot is damaged or its digest does not match the rebuilt state.</summary>
    public static MatchingEngine ReadSnapshot(Stream stream, EngineOptions? options = null)
    {
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.GetBuffer().AsSpan(0, (int)copy.Length);
        if (bytes.Length < 8 || BinaryPrimitives.ReadUInt64LittleEndian(bytes[^8..]) != XxHash64.HashToUInt64(bytes[..^8]))
        {
            throw new InvalidDataException("Snapshot checksum mismatch (truncated or damaged).");
        }
        var engine = new MatchingEngine(options);
        try
        {
            engine.Restore(new EngineSnapshotReader(new MemoryStream(copy.GetBuffer(), 0, bytes.Length - 8)));
        }
        catch (Exception e) when (e is not InvalidDataException)
        {
            throw new InvalidDataException("Snapshot is damaged.", e);
        }
        return engine;
    }

    private void Restore(EngineSnapshotReader reader)
    {
        var (sequence, lastOrderId, lastTradeId, instrumentCount) = reader.ReadHeader();
        Sequence = sequence;
        _lastOrderId = lastOrderId;
        _lastTradeId = lastTradeId;
        for (int n = 0; n < instrumentCount; n++)
        {
            var instrument = reader.ReadInstrument(_instruments.Count);
            _instrumentBySymbol.Add(instrument.Symbol, instrument.Id);
            _instruments.Add(instrument);
            _books.Add(new OrderBook(instrument, _levels));
        }

        var byId = new Dictionary<long, int>();
        var partners = new List<(int Index, long PartnerId)>();
        int count = reader.ReadCount();
        for (int n = 0; n < count; n++)
        {
            var (entry, clientId, partnerId) = reader.ReadOrder(instrumentCount);
            int index = _orders.Allocate();
            bool expires = entry.ExpiryHeapIndex >= 0;
            entry.ExpiryHeapIndex = -1;
            _orders.Items[index] = entry;
            _orders.ClientIds[index] = clientId;
            Register(index, _books[entry.Instrument]);
            byId.Add(entry.OrderId, index);
            if (partnerId != 0)
            {
                partners.Add((index, partnerId));
            }
            if (expires)
            {
                _expiries.Add(index);
            }
        }
        foreach (var (index, partnerId) in partners)
        {
            _orders.Items[index].OcoPartner = byId.TryGetValue(partnerId, out int partner)
                ? partner
                : throw new InvalidDataException($"OCO partner {partnerId} missing from snapshot.");
        }
        foreach (var book in _books)
        {
            RestoreQueues(reader, book.Bids, byId);
            RestoreQueues(reader, book.Asks, byId);
            RestoreQueues(reader, book.BuyStops, byId);
            RestoreQueues(reader, book.SellStops, byId);
        }
        if (reader.ReadTrailer() != ComputeStateDigest())
        {
            throw new InvalidDataException("Snapshot digest does not match the restored state.");
        }
    }

    private void RestoreQueues(EngineSnapshotReader reader, BookSide side, Dictionary<long, int> byId)
    {
        int levels = reader.ReadCount();
        for (int l = 0; l < levels; l++)
        {
            var (price, orders) = reader.ReadLevel();
            for (int k = 0; k < orders; k++)
            {
                long id = reader.ReadOrderId();
                if (!byId.TryGetValue(id, out int index) || _orders.Items[index].Level != 0)
                {
                    throw new InvalidDataException($"Queued order {id} missing from snapshot or queued twice.");
                }
                Enqueue(side, index, price);
            }
        }
    }
}
