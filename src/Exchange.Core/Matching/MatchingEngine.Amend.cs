using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Events;

namespace Exchange.Core.Matching;

// Cancel, replace (amend) and mass cancel.
public sealed partial class MatchingEngine
{
    private void Cancel(in Command c)
    {
        // Another account's order is simply not found under this account: the same answer as an unknown order.
        int index = _orderByClientId.Find(c.Account, in c.OrigClientId);
        if (index == 0)
        {
            Reject(in c, RejectReason.UnknownOrder);
            return;
        }
        _touched = _books[_orders.Items[index].Instrument];
        CancelOrder(index, CancelReason.Requested);
    }

    /// <summary>Removes a live order with a Cancelled event; its OCO partner follows (except in mass cancels,
    /// which reach the partner themselves).</summary>
    private void CancelOrder(int index, CancelReason reason)
    {
        int partner = TakeOffBook(index);
        ref var e = ref OrderEvent(EventType.Cancelled, index);
        e.CancelReason = reason;
        e.Quantity = e.LeavesQuantity;
        e.LeavesQuantity = 0;
        Release(index);
        if (partner != 0 && reason != CancelReason.MassCancel)
        {
            CancelOrder(partner, CancelReason.Oco);
        }
    }

    /// <summary>Dissolves an order's OCO pair and cancels the other leg (reason <see cref="CancelReason.Oco"/>).</summary>
    private void CancelPartner(int index)
    {
        var items = _orders.Items;
        int partner = items[index].OcoPartner;
        items[index].OcoPartner = 0;
        items[partner].OcoPartner = 0;
        CancelOrder(partner, CancelReason.Oco);
    }

    /// <summary>Takes an order off its book or stop book (if queued); returns its OCO partner.</summary>
    private int TakeOffBook(int index)
    {
        ref var o = ref _orders.Items[index];
        if (o.Level != 0)
        {
            var book = _books[o.Instrument];
            if (o.OnStopBook)
            {
                Dequeue(book.StopsOf(o.Side), index);
                book.StopOrders--;
            }
            else
            {
                Dequeue(book.SideOf(o.Side), index);
            }
        }
        return o.OcoPartner;
    }

    private void Replace(in Command c)
    {
        int index = _orderByClientId.Find(c.Account, in c.OrigClientId, out ulong oldFingerprint);
        if (index == 0)
        {
            Reject(in c, RejectReason.UnknownOrder);
            return;
        }
        var items = _orders.Items;
        ref var o = ref items[index];
        var book = _books[o.Instrument];
        var reason = ValidateReplace(in c, ref o, book, index, out long holdPrice, out long holdChange);
        if (reason != RejectReason.None)
        {
            Reject(in c, reason);
            return;
        }
        if (_risk)
        {
            // The check computed both holds: the difference is what the account holds more (or less) from now.
            var ledger = _ledgers[o.AccountSlot]!;
            if (o.Side == Side.Buy)
            {
                ledger.Cash[book.Risk.CurrencyIndex].Held += holdChange;
            }
            else
            {
                ledger.PositionHeld[o.Instrument] += holdChange;
            }
            o.Held += holdChange;
            _touched = book;
        }

        var oldClientId = o.ClientId;
        var newClientId = c.ClientId.IsEmpty ? oldClientId : c.ClientId;
        if (newClientId != oldClientId)
        {
            // ValidateReplace already entered the new id. The old key is the one found above: same fingerprint.
            _orderByClientId.Remove(oldFingerprint, index);
            o.ClientId = newClientId;
        }

        long newLeaves = c.Quantity - o.Filled;
        bool priorityKept = c.Price == o.Price && c.StopPrice == o.StopPrice && c.Quantity <= o.Quantity;
        bool reprice = false;
        if (priorityKept)
        {
            // A decrease in place: the hidden reserve shrinks first.
            long decrease = o.Leaves - newLeaves;
            long fromHidden = Math.Min(o.Hidden, decrease);
            o.Hidden -= fromHidden;
            o.Visible -= decrease - fromHidden;
            if (o.Level != 0)
            {
                _levels.Items[o.Level].Visible -= decrease - fromHidden;
            }
        }
        else if (o.OnStopBook)
        {
            var stops = book.StopsOf(o.Side);
            Dequeue(stops, index);
            o.Visible = newLeaves;
            o.Hidden = 0;
            Enqueue(stops, index, c.StopPrice);
        }
        else
        {
            // Remember where the order was: its new level is usually close by (see Rest).
            int level = o.Level;
            ref var oldLevel = ref _levels.Items[level];
            _restHint = oldLevel.OrderCount > 1 ? level : oldLevel.Lower != 0 ? oldLevel.Lower : oldLevel.Higher;
            if (oldLevel.OrderCount == 1 && !WouldTrade(book, o.Side, c.Price))
            {
                // The order was alone and will rest without trading: nothing reads its side before Rest, which moves
                // the emptied level to the new price when it can (most replaces move the price by a tick or two).
                oldLevel.Visible -= o.Visible;
                Unlink(level, index);
                _vacated = level;
            }
            else
            {
                Dequeue(book.SideOf(o.Side), index);
            }
            o.Visible = newLeaves; // trades as an incoming order, then rests with a fresh slice
            o.Hidden = 0;
            reprice = true;
        }
        o.Price = c.Price;
        o.StopPrice = c.StopPrice;
        o.Quantity = c.Quantity;
        if (_risk)
        {
            o.HoldPrice = holdPrice;
        }

        ref var e = ref OrderEvent(EventType.Replaced, index);
        e.OrigClientId = oldClientId;
        e.Quantity = c.Quantity;
        e.PriorityKept = priorityKept;

        if (reprice)
        {
            Execute(index, book);
            _restHint = 0; // unused if the order did not come to rest
            if (_vacated != 0)
            {
                book.SideOf(o.Side).Remove(_vacated); // not used by Rest (the order did not rest)
                _vacated = 0;
            }
        }
        RunStops(book);
    }

    /// <summary>Checks a replace in the documented order. A new client id is entered into the index (one probe for
    /// both the duplicate check and the insert) and taken out again if a later check fails.</summary>
    private RejectReason ValidateReplace(in Command c, ref OrderEntry o, OrderBook book, int index, out long holdPrice, out long holdChange)
    {
        holdPrice = 0;
        holdChange = 0;
        var instrument = book.Instrument;
        if (instrument.Status != TradingStatus.Open)
        {
            return StatusReject(instrument.Status);
        }
        bool renamed = !c.ClientId.IsEmpty && c.ClientId != c.OrigClientId;
        if (renamed)
        {
            if (!_orderByClientId.TryAdd(c.Account, in c.ClientId, index))
            {
                return RejectReason.DuplicateClientOrderId;
            }
        }
        var reason = CheckReplacement(in c, ref o, book);
        if (reason == RejectReason.None && (_risk || _blockedAccounts > 0))
        {
            reason = CheckReplaceRisk(in c, ref o, book, out holdPrice, out holdChange);
        }
        if (reason != RejectReason.None && renamed)
        {
            _orderByClientId.Remove(c.Account, in c.ClientId, index);
        }
        return reason;
    }

    private RejectReason CheckReplacement(in Command c, ref OrderEntry o, OrderBook book)
    {
        var instrument = book.Instrument;
        var quantityCheck = CheckQuantity(instrument, c.Quantity);
        if (quantityCheck != RejectReason.None)
        {
            return quantityCheck;
        }
        var priceCheck = CheckPrices(instrument, o.Type, c.Price, c.StopPrice);
        if (priceCheck != RejectReason.None)
        {
            return priceCheck;
        }
        if (c.Quantity <= o.Filled)
        {
            return RejectReason.ReplaceQuantityTooLow;
        }
        if ((o.Flags & OrderFlags.PostOnly) != 0 && !o.OnStopBook && WouldTrade(book, o.Side, c.Price))
        {
            return RejectReason.PostOnlyWouldTake;
        }
        return RejectReason.None;
    }

    private void MassCancel(in Command c)
    {
        // A session's orders are always some account's: a session filter without an account is malformed.
        if (c.Account == 0 && (c.Symbol.IsEmpty || c.EntrySession != 0))
        {
            Reject(in c, RejectReason.InvalidOrder);
            return;
        }
        int instrument = -1;
        if (!c.Symbol.IsEmpty && !_instrumentBySymbol.TryGetValue(c.Symbol, out instrument))
        {
            Reject(in c, RejectReason.UnknownSymbol);
            return;
        }

        int count = 0;
        var items = _orders.Items;
        if (c.Account != 0)
        {
            if (_accountSlots.TryGetValue(c.Account, out int slot))
            {
                for (int i = _accounts[slot].Head; i != 0; i = items[i].AccountNext)
                {
                    if ((instrument < 0 || items[i].Instrument == instrument) && (c.EntrySession == 0 || items[i].EntrySession == c.EntrySession))
                    {
                        AddScratch(ref count, i);
                    }
                }
            }
        }
        else
        {
            for (int i = _books[instrument].OrdersHead; i != 0; i = items[i].InstrumentNext)
            {
                AddScratch(ref count, i);
            }
        }
        for (int k = 0; k < count; k++)
        {
            CancelOrder(_scratch[k].Index, CancelReason.MassCancel);
        }
        _touchAll = true;
        ref var e = ref NewEvent(EventType.MassCancelled);
        e.Account = c.Account;
        e.Symbol = c.Symbol;
        e.Quantity = count;
    }

    /// <summary>Remembers an order (with its id, to tell later whether it is still the same live order).</summary>
    private void AddScratch(ref int count, int index)
    {
        if (count == _scratch.Length)
        {
            Array.Resize(ref _scratch, _scratch.Length * 2);
        }
        _scratch[count++] = (index, _orders.Items[index].OrderId);
    }
}
