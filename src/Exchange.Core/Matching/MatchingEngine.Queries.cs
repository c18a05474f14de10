using System.Buffers.Binary;
using System.IO.Hashing;
using Exchange.Core.Domain;

namespace Exchange.Core.Matching;

// Read-only views of the engine state: L3 snapshots, L2 depth, and the state digest.
public sealed partial class MatchingEngine
{
    /// <summary>Full-depth copy of one instrument's books (allocates: for tools and tests, not the hot path).</summary>
    public BookSnapshot GetBookSnapshot(Symbol symbol)
    {
        if (!_instrumentBySymbol.TryGetValue(symbol, out int id))
        {
            throw new ArgumentException($"Unknown symbol {symbol}", nameof(symbol));
        }
        var book = _books[id];
        return new BookSnapshot(symbol, book.Instrument.Status, book.Instrument.LastTradePrice,
            Collect(book.Bids), Collect(book.Asks), Collect(book.BuyStops), Collect(book.SellStops));
    }

    private List<RestingOrder> Collect(BookSide side)
    {
        var list = new List<RestingOrder>();
        var items = _orders.Items;
        for (int level = side.Best; level != 0; level = side.NextWorse(level))
        {
            for (int i = _levels.Items[level].Head; i != 0; i = items[i].Next)
            {
                ref var o = ref items[i];
                list.Add(new RestingOrder(o.OrderId, o.Account, _orders.ClientIds[i], o.Side, o.Type, o.TimeInForce,
                    o.Price, o.StopPrice, o.Quantity, o.Visible, o.Hidden, o.Filled, o.Display, o.ExpireTime, o.Flags,
                    o.Stp, o.OcoPartner == 0 ? 0 : items[o.OcoPartner].OrderId));
            }
        }
        return list;
    }

    /// <summary>Writes up to <paramref name="levels"/>.Length aggregated levels of one side, best first; returns
    /// the count. Allocation-free.</summary>
    public int GetDepth(Symbol symbol, Side side, Span<PriceLevelInfo> levels)
    {
        if (!_instrumentBySymbol.TryGetValue(symbol, out int id))
        {
            return 0;
        }
        var bookSide = _books[id].SideOf(side);
        int n = 0;
        for (int level = bookSide.Best; level != 0 && n < levels.Length; level = bookSide.NextWorse(level))
        {
            ref var l = ref _levels.Items[level];
            levels[n++] = new PriceLevelInfo(l.Price, l.Visible, l.OrderCount);
        }
        return n;
    }

    /// <summary>A 64-bit XxHash of the complete engine state: sequence and id counters, every instrument
    /// (specification, status, last price) and every book and stop book in priority order with every order
    /// field. Equal digests ⇔ (with overwhelming probability) equal states.</summary>
    public ulong ComputeStateDigest()
    {
        var hash = new XxHash64();
        Span<byte> buffer = stackalloc byte[256];
        int n = 0;
        Add(ref n, buffer, Sequence);
        Add(ref n, buffer, _lastOrderId);
        Add(ref n, buffer, _lastTradeId);
        Add(ref n, buffer, _orders.Count);
        hash.Append(buffer[..n]);
        foreach (var book in _books)
        {
            var instrument = book.Instrument;
            n = 0;
            instrument.Symbol.WriteTo(buffer);
            n += Symbol.MaxLength;
            Add(ref n, buffer, instrument.TickSize);
            Add(ref n, buffer, instrument.LotSize);
            Add(ref n, buffer, instrument.MinQuantity);
            Add(ref n, buffer, instrument.MaxQuantity);
            Add(ref n, buffer, instrument.ReferencePrice);
            Add(ref n, buffer, instrument.CollarBasisPoints);
            Add(ref n, buffer, (long)instrument.Status);
            Add(ref n, buffer, instrument.LastTradePrice);
            hash.Append(buffer[..n]);
            HashSide(hash, book.Bids, buffer);
            HashSide(hash, book.Asks, buffer);
            HashSide(hash, book.BuyStops, buffer);
            HashSide(hash, book.SellStops, buffer);
        }
        return hash.GetCurrentHashAsUInt64();
    }

    private void HashSide(XxHash64 hash, BookSide side, Span<byte> buffer)
    {
        var items = _orders.Items;
        for (int level = side.Best; level != 0; level = side.NextWorse(level))
        {
            int n = 0;
            Add(ref n, buffer, _levels.Items[level].Price);
            Add(ref n, buffer, _levels.Items[level].Visible);
            Add(ref n, buffer, _levels.Items[level].OrderCount);
            hash.Append(buffer[..n]);
            for (int i = _levels.Items[level].Head; i != 0; i = items[i].Next)
            {
                ref var o = ref items[i];
                n = 0;
                Add(ref n, buffer, o.OrderId);
                Add(ref n, buffer, o.Account);
                _orders.ClientIds[i].WriteTo(buffer[n..]);
                n += ClientOrderId.MaxLength;
                Add(ref n, buffer, o.Price);
                Add(ref n, buffer, o.StopPrice);
                Add(ref n, buffer, o.Quantity);
                Add(ref n, buffer, o.Visible);
                Add(ref n, buffer, o.Hidden);
                Add(ref n, buffer, o.Filled);
                Add(ref n, buffer, o.Display);
                Add(ref n, buffer, o.ExpireTime);
                Add(ref n, buffer, o.OcoPartner == 0 ? 0 : items[o.OcoPartner].OrderId);
                Add(ref n, buffer, (long)o.Side | (long)o.Type << 8 | (long)o.TimeInForce << 16 | (long)o.Stp << 24 | (long)o.Flags << 32);
                hash.Append(buffer[..n]);
            }
        }
    }

    private static void Add(ref int n, Span<byte> buffer, long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(buffer[n..], value);
        n += 8;
    }
}
