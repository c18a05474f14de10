using System.Runtime.CompilerServices;
using Exchange.Core.Domain;

namespace Exchange.Core.Matching;

// Read-only views of the engine state: L3 snapshots, L2 depth, and the state digest.
public sealed partial class MatchingEngine
{
    /// <summary>Full-depth copy of one instrument's books (allocates: for tools and tests, not the hot path).</summary>
    public BookSnapshot GetBookSnapshot(Symbol symbol)
    {
        var book = BookOf(symbol);
        return new BookSnapshot(symbol, book.Instrument.Status, book.Instrument.LastTradePrice,
            Collect(book.Bids), Collect(book.Asks), Collect(book.BuyStops), Collect(book.SellStops));
    }

    /// <summary>The resting orders of one instrument's book, bids then asks, each side in priority order, in one
    /// exact-size array (allocates it: for seeding views at start, not the hot path).</summary>
    public RestingOrder[] GetRestingOrders(Symbol symbol)
    {
        var book = BookOf(symbol);
        return Collect(book.Bids, book.Asks);
    }

    /// <summary>The untriggered stop orders of one instrument, buy stops then sell stops, each in trigger priority,
    /// in one exact-size array (allocates it).</summary>
    public RestingOrder[] GetStopOrders(Symbol symbol)
    {
        var book = BookOf(symbol);
        return Collect(book.BuyStops, book.SellStops);
    }

    /// <summary>The number of resting orders on one side of an instrument's book.</summary>
    public int CountRestingOrders(Symbol symbol, Side side) => CountQueued(BookOf(symbol).SideOf(side));

    /// <summary>Copies the resting orders of one side, in priority order, into <paramref name="destination"/>, which must
    /// hold exactly <see cref="CountRestingOrders"/> of them. Only reads the engine: threads may copy from an engine no
    /// thread is running (e.g. each side on its own thread at start).</summary>
    public void CopyRestingOrders(Symbol symbol, Side side, Span<RestingOrder> destination)
    {
        var bookSide = BookOf(symbol).SideOf(side);
        if (CountQueued(bookSide) != destination.Length)
        {
            throw new ArgumentException("The destination must hold exactly the side's orders.", nameof(destination));
        }
        Fill(bookSide, destination, 0);
    }

    private OrderBook BookOf(Symbol symbol) => _instrumentBySymbol.TryGetValue(symbol, out int id)
        ? _books[id]
        : throw new ArgumentException($"Unknown symbol {symbol}", nameof(symbol));

    private RestingOrder[] Collect(BookSide side) => Collect(side, null);

    private RestingOrder[] Collect(BookSide first, BookSide? second)
    {
        // Sized from the levels' order counts (one pass over levels, not orders), so the copy is written once.
        var orders = GC.AllocateUninitializedArray<RestingOrder>(CountQueued(first) + (second is null ? 0 : CountQueued(second)));
        int n = Fill(first, orders, 0);
        if (second is not null)
        {
            n = Fill(second, orders, n);
        }
        if (n != orders.Length)
        {
            throw new InvalidOperationException("Level order counts disagree with the queues.");
        }
        return orders;
    }

    private int CountQueued(BookSide side)
    {
        int count = 0;
        for (int level = side.Best; level != 0; level = side.NextWorse(level))
        {
            count += _levels.Items[level].OrderCount;
        }
        return count;
    }

    // Runs once per start over a million orders: optimized at once, not from tier 0 through on-stack replacement.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Fill(BookSide side, Span<RestingOrder> orders, int n)
    {
        var items = _orders.Items;
        for (int level = side.Best; level != 0; level = side.NextWorse(level))
        {
            for (int i = _levels.Items[level].Head; i != 0; i = items[i].Next)
            {
                ref var o = ref items[i];
                orders[n++] = new RestingOrder(o.OrderId, o.Account, o.ClientId, o.Side, o.Type, o.TimeInForce,
                    o.Price, o.StopPrice, o.Quantity, o.Visible, o.Hidden, o.Filled, o.Display, o.ExpireTime, o.Flags,
                    o.Stp, o.OcoPartner == 0 ? 0 : items[o.OcoPartner].OrderId);
            }
        }
        return n;
    }

    /// <summary>Every live order (resting or waiting on a stop book) entered on an order-entry session, with that
    /// session (<see cref="Commands.Command.EntrySession"/>), in no particular order: what gateways need after a restart
    /// to send an order's reports to the session that entered it. Orders entered on no session are left out. Not for
    /// the hot path.</summary>
    /// <remarks>Reads the order pool front to back rather than following each instrument's order list: with a million
    /// orders the list's random order made every step a cache miss (about an eighth of a restart's time).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<(long OrderId, long EntrySession)> GetOrderEntrySessions()
    {
        var result = new List<(long, long)>();
        var items = _orders.Items;
        for (int i = 1; i < _orders.HighWater; i++)
        {
            ref var entry = ref items[i];
            if (entry.OrderId != 0 && entry.EntrySession != 0)
            {
                result.Add((entry.OrderId, entry.EntrySession));
            }
        }
        return result;
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
        var hash = new StateHasher();
        hash.Add(Sequence);
        hash.Add(_lastOrderId);
        hash.Add(_lastTradeId);
        hash.Add(_orders.Count);
        foreach (var book in _books)
        {
            var instrument = book.Instrument;
            instrument.Symbol.WriteTo(hash.Next(Symbol.MaxLength));
            hash.Add(instrument.TickSize);
            hash.Add(instrument.LotSize);
            hash.Add(instrument.MinQuantity);
            hash.Add(instrument.MaxQuantity);
            hash.Add(instrument.ReferencePrice);
            hash.Add(instrument.CollarBasisPoints);
            hash.Add((long)instrument.Status);
            hash.Add(instrument.LastTradePrice);
            if (instrument.SettlementCurrency != Currency.Default)
            {
                hash.Add(instrument.SettlementCurrency.Value);
            }
            HashSide(hash, book.Bids);
            HashSide(hash, book.Asks);
            HashSide(hash, book.BuyStops);
            HashSide(hash, book.SellStops);
        }
        // Risk state only once there is some: digests of engines that never used risk are those of earlier versions.
        if (_riskTouched)
        {
            foreach (long value in SaveRiskState())
            {
                hash.Add(value);
            }
        }
        return hash.Finish();
    }

    // A pass over every order, often once per process (after a restart's replay, a snapshot's check): optimized at
    // once rather than from tier 0 through on-stack replacement.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void HashSide(StateHasher hash, BookSide side)
    {
        var items = _orders.Items;
        var levels = _levels.Items;
        for (int level = side.Best; level != 0; level = side.NextWorse(level))
        {
            hash.Add(levels[level].Price);
            hash.Add(levels[level].Visible);
            hash.Add(levels[level].OrderCount);
            for (int i = levels[level].Head; i != 0; i = items[i].Next)
            {
                ref var o = ref items[i];
                hash.Add(o.OrderId);
                hash.Add(o.Account);
                o.ClientId.WriteTo(hash.Next(ClientOrderId.MaxLength));
                hash.Add(o.Price);
                hash.Add(o.StopPrice);
                hash.Add(o.Quantity);
                hash.Add(o.Visible);
                hash.Add(o.Hidden);
                hash.Add(o.Filled);
                hash.Add(o.Display);
                hash.Add(o.ExpireTime);
                hash.Add(o.OcoPartner == 0 ? 0 : items[o.OcoPartner].OrderId);
                if (_riskTouched)
                {
                    hash.Add(o.HoldPrice);
                    hash.Add((long)o.MakerFeeBps << 16 | (ushort)o.TakerFeeBps);
                }
                hash.Add((long)o.Side | (long)o.Type << 8 | (long)o.TimeInForce << 16 | (long)o.Stp << 24 | (long)o.Flags << 32);
                // Folded in only when set, so states without sessions (the engine alone, older snapshots) keep their digests.
                if (o.EntrySession != 0)
                {
                    hash.Add(o.EntrySession);
                }
            }
        }
    }
}
