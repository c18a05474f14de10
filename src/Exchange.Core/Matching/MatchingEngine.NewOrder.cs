using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Events;

namespace Exchange.Core.Matching;

// Entering new orders: validation (in the documented order), acceptance, then matching or the stop book.
public sealed partial class MatchingEngine
{
    private void NewOrder(in Command c)
    {
        var reason = ValidateNewOrder(in c, out int instrumentId, out int partner);
        var book = instrumentId >= 0 ? _books[instrumentId] : null;
        int slot = 0;
        long holdPrice = 0;
        if (reason == RejectReason.None && (_risk || _blockedAccounts > 0))
        {
            reason = CheckNewOrderRisk(in c, book!, out slot, out holdPrice);
        }
        if (reason == RejectReason.None && (c.Flags & OrderFlags.PostOnly) != 0 && WouldTrade(book!, c.Side, c.Price))
        {
            reason = RejectReason.PostOnlyWouldTake;
        }
        if (reason != RejectReason.None)
        {
            Reject(in c, reason);
            return;
        }

        int index = _orders.Allocate();
        ref var o = ref _orders.Items[index];
        o.OrderId = ++_lastOrderId;
        o.Account = c.Account;
        o.Instrument = instrumentId;
        o.Side = c.Side;
        o.Type = c.OrderType;
        o.TimeInForce = c.TimeInForce;
        o.Stp = c.SelfTradePrevention;
        o.Flags = c.Flags;
        o.Price = c.Price;
        o.StopPrice = c.StopPrice;
        o.Quantity = c.Quantity;
        o.Visible = c.Quantity;
        o.Display = c.DisplayQuantity;
        o.ExpireTime = c.TimeInForce == TimeInForce.Gtd ? c.ExpireTime : 0;
        o.ClientId = c.ClientId;
        o.EntrySession = c.EntrySession;
        Register(index, book!, slot);
        if (_risk)
        {
            var ledger = _ledgers[o.AccountSlot]!;
            o.HoldPrice = holdPrice;
            o.MakerFeeBps = (short)ledger.MakerFeeBps;
            o.TakerFeeBps = (short)ledger.TakerFeeBps;
            Hold(index);
            _touched = book;
        }
        if (partner != 0)
        {
            o.OcoPartner = partner;
            _orders.Items[partner].OcoPartner = index;
        }

        ref var accepted = ref OrderEvent(EventType.Accepted, index);
        accepted.Quantity = c.Quantity;
        accepted.OrigClientId = c.OrigClientId;

        if (c.OrderType is OrderType.Stop or OrderType.StopLimit)
        {
            o.OnStopBook = true;
            Enqueue(book!.StopsOf(c.Side), index, c.StopPrice);
            book.StopOrders++;
            if (c.TimeInForce == TimeInForce.Gtd)
            {
                _expiries.Add(index);
            }
        }
        else
        {
            Execute(index, book!);
        }
        RunStops(book!);
    }

    private RejectReason ValidateNewOrder(in Command c, out int instrumentId, out int partner)
    {
        instrumentId = -1;
        partner = 0;
        if (c.Account <= 0 || c.ClientId.IsEmpty
            || c.Side is not (Side.Buy or Side.Sell)
            || c.OrderType is < OrderType.Limit or > OrderType.StopLimit
            || c.TimeInForce is < TimeInForce.Gtc or > TimeInForce.Gtd
            || c.SelfTradePrevention > SelfTradePrevention.Decrement)
        {
            return RejectReason.InvalidOrder;
        }
        if (!_instrumentBySymbol.TryGetValue(c.Symbol, out instrumentId))
        {
            instrumentId = -1;
            return RejectReason.UnknownSymbol;
        }
        var instrument = _instruments[instrumentId];
        if (instrument.Status != TradingStatus.Open)
        {
            return StatusReject(instrument.Status);
        }

        bool immediate = c.TimeInForce is TimeInForce.Ioc or TimeInForce.Fok;
        bool postOnly = (c.Flags & OrderFlags.PostOnly) != 0;
        if ((c.OrderType == OrderType.Market && !immediate)
            || (c.OrderType == OrderType.Stop && immediate)
            || (postOnly && (c.OrderType != OrderType.Limit || immediate))
            || (c.DisplayQuantity > 0 && (c.OrderType is OrderType.Market or OrderType.Stop || immediate))
            || (!c.OrigClientId.IsEmpty && immediate))
        {
            return RejectReason.InvalidOrder;
        }

        var quantityCheck = CheckQuantity(instrument, c.Quantity);
        if (quantityCheck != RejectReason.None)
        {
            return quantityCheck;
        }
        if (c.DisplayQuantity < 0 || c.DisplayQuantity > c.Quantity || c.DisplayQuantity % instrument.LotSize != 0)
        {
            return RejectReason.InvalidDisplayQuantity;
        }
        var priceCheck = CheckPrices(instrument, c.OrderType, c.Price, c.StopPrice);
        if (priceCheck != RejectReason.None)
        {
            return priceCheck;
        }
        if (c.TimeInForce == TimeInForce.Gtd && c.ExpireTime <= _now)
        {
            return RejectReason.InvalidExpireTime;
        }
        if (_orderByClientId.Find(c.Account, in c.ClientId) != 0)
        {
            return RejectReason.DuplicateClientOrderId;
        }
        if (!c.OrigClientId.IsEmpty)
        {
            partner = _orderByClientId.Find(c.Account, in c.OrigClientId);
            if (partner == 0)
            {
                return RejectReason.InvalidOcoLink;
            }
            ref var p = ref _orders.Items[partner];
            if (p.Instrument != instrumentId || p.Side != c.Side || p.OcoPartner != 0
                || p.TimeInForce is TimeInForce.Ioc or TimeInForce.Fok)
            {
                partner = 0;
                return RejectReason.InvalidOcoLink;
            }
        }
        return RejectReason.None;
    }

    private static RejectReason StatusReject(TradingStatus status) => status switch
    {
        TradingStatus.Halted => RejectReason.InstrumentHalted,
        TradingStatus.Paused => RejectReason.TradingPaused,
        _ => RejectReason.InstrumentClosed,
    };

    private static RejectReason CheckQuantity(Instrument instrument, long quantity)
    {
        if (quantity <= 0 || quantity % instrument.LotSize != 0)
        {
            return RejectReason.QuantityOffLot;
        }
        return quantity < instrument.MinQuantity || quantity > instrument.MaxQuantity
            ? RejectReason.QuantityOutOfRange
            : RejectReason.None;
    }

    private static RejectReason CheckPrices(Instrument instrument, OrderType type, long price, long stopPrice)
    {
        bool needsPrice = type is OrderType.Limit or OrderType.StopLimit;
        if (needsPrice ? price <= 0 : price != 0)
        {
            return RejectReason.InvalidPrice;
        }
        if (price % instrument.TickSize != 0)
        {
            return RejectReason.PriceOffTick;
        }
        bool needsStop = type is OrderType.Stop or OrderType.StopLimit;
        if (needsStop ? stopPrice <= 0 : stopPrice != 0)
        {
            return RejectReason.InvalidPrice;
        }
        return stopPrice % instrument.TickSize != 0 ? RejectReason.PriceOffTick : RejectReason.None;
    }

    /// <summary>Whether a limit order at <paramref name="price"/> would trade on arrival.</summary>
    private bool WouldTrade(OrderBook book, Side side, long price)
    {
        var opposite = book.OppositeOf(side);
        int best = opposite.Best;
        if (best == 0)
        {
            return false;
        }
        long bestPrice = _levels.Items[best].Price;
        return side == Side.Buy ? bestPrice <= price : bestPrice >= price;
    }

    /// <summary>Adds a new live order to the client-id map, its account's list and its instrument's list.
    /// <paramref name="slot"/>: the account's slot if already known, else 0.</summary>
    private void Register(int index, OrderBook book, int slot = 0)
    {
        var items = _orders.Items;
        ref var o = ref items[index];
        _orderByClientId.Add(o.Account, in o.ClientId, index);

        if (slot == 0)
        {
            slot = AccountSlot(o.Account, create: true);
        }
        o.AccountSlot = slot;
        ref var account = ref _accounts[slot];
        account.OpenOrders++;
        o.AccountPrev = account.Tail;
        if (account.Tail != 0)
        {
            items[account.Tail].AccountNext = index;
        }
        else
        {
            account.Head = index;
        }
        account.Tail = index;

        o.InstrumentPrev = book.OrdersTail;
        if (book.OrdersTail != 0)
        {
            items[book.OrdersTail].InstrumentNext = index;
        }
        else
        {
            book.OrdersHead = index;
        }
        book.OrdersTail = index;
    }

    /// <summary>Removes a finished order from every index and frees its slot (it must already be off its level).</summary>
    private void Release(int index)
    {
        var items = _orders.Items;
        ref var o = ref items[index];
        _orderByClientId.Remove(o.Account, in o.ClientId, index);
        if (o.ExpiryHeapIndex >= 0)
        {
            _expiries.Remove(index);
        }
        if (o.OcoPartner != 0)
        {
            items[o.OcoPartner].OcoPartner = 0;
        }

        if (_risk)
        {
            Unhold(index);
        }
        ref var account = ref _accounts[o.AccountSlot];
        account.OpenOrders--;
        if (o.AccountPrev != 0) items[o.AccountPrev].AccountNext = o.AccountNext; else account.Head = o.AccountNext;
        if (o.AccountNext != 0) items[o.AccountNext].AccountPrev = o.AccountPrev; else account.Tail = o.AccountPrev;

        var book = _books[o.Instrument];
        if (o.InstrumentPrev != 0) items[o.InstrumentPrev].InstrumentNext = o.InstrumentNext; else book.OrdersHead = o.InstrumentNext;
        if (o.InstrumentNext != 0) items[o.InstrumentNext].InstrumentPrev = o.InstrumentPrev; else book.OrdersTail = o.InstrumentPrev;

        _orders.Free(index);
    }
}
