using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Events;

namespace Exchange.Core.Tests.Model;

/// <summary>Order entry, cancel, replace and mass cancel of the reference engine.</summary>
internal sealed partial class ReferenceEngine
{
    private void NewOrder(in Command c)
    {
        var reason = ValidateNewOrder(c, out var instrument, out var partner);
        if (reason != RejectReason.None)
        {
            Emit(ReferenceEvents.Rejected(c, reason));
            return;
        }
        var order = new ReferenceOrder
        {
            OrderId = _nextOrderId++,
            Account = c.Account,
            ClientId = c.ClientId,
            Instrument = instrument!,
            Side = c.Side,
            Type = c.OrderType,
            TimeInForce = c.TimeInForce,
            Price = c.Price,
            StopPrice = c.StopPrice,
            Quantity = c.Quantity,
            Visible = c.Quantity,
            DisplayQuantity = c.DisplayQuantity,
            // "For other TIFs the expire time is ignored": only a GTD order keeps one.
            ExpireTime = c.TimeInForce == TimeInForce.Gtd ? c.ExpireTime : 0,
            Flags = c.Flags,
            SelfTradePrevention = c.SelfTradePrevention,
            State = ReferenceOrderState.Incoming,
        };
        Emit(ReferenceEvents.Accepted(order, c.OrigClientId));
        if (partner != null)
        {
            order.OcoPartner = partner;
            partner.OcoPartner = order;
        }
        if (order.Type is OrderType.Stop or OrderType.StopLimit)
        {
            // Put on the stop book; if its condition already holds the trigger pass below fires it at once.
            PlaceOnStopBook(order);
        }
        else
        {
            Work(order);
        }
        RunStopCascade(order.Instrument);
    }

    /// <summary>The numbered checks of "Order validation", in order; the first failure wins.</summary>
    private RejectReason ValidateNewOrder(in Command c, out ReferenceInstrument? instrument, out ReferenceOrder? partner)
    {
        partner = null;
        instrument = null;

        // 1.
        if (c.Account <= 0 || c.Side is not (Side.Buy or Side.Sell)
            || c.OrderType is not (OrderType.Limit or OrderType.Market or OrderType.Stop or OrderType.StopLimit)
            || c.TimeInForce is not (TimeInForce.Gtc or TimeInForce.Ioc or TimeInForce.Fok or TimeInForce.Day or TimeInForce.Gtd)
            || c.ClientId.IsEmpty
            || c.SelfTradePrevention > SelfTradePrevention.Decrement)
        {
            return RejectReason.InvalidOrder;
        }

        // 2.
        instrument = FindInstrument(c.Symbol);
        if (instrument == null)
        {
            return RejectReason.UnknownSymbol;
        }

        // 3.
        var statusReason = StatusRejectReason(instrument);
        if (statusReason != RejectReason.None)
        {
            return statusReason;
        }

        // 4.
        bool immediate = c.TimeInForce is TimeInForce.Ioc or TimeInForce.Fok;
        bool postOnly = (c.Flags & OrderFlags.PostOnly) != 0;
        if ((c.OrderType == OrderType.Market && !immediate)
            || (c.OrderType == OrderType.Stop && immediate)
            || (postOnly && (c.OrderType != OrderType.Limit || immediate))
            || (c.DisplayQuantity > 0 && (c.OrderType is not (OrderType.Limit or OrderType.StopLimit) || immediate))
            || (!c.OrigClientId.IsEmpty && immediate))
        {
            return RejectReason.InvalidOrder;
        }

        // 5.
        var quantityReason = QuantityRejectReason(instrument, c.Quantity);
        if (quantityReason != RejectReason.None)
        {
            return quantityReason;
        }

        // 6.
        if (c.DisplayQuantity < 0 || c.DisplayQuantity > c.Quantity || c.DisplayQuantity % instrument.LotSize != 0)
        {
            return RejectReason.InvalidDisplayQuantity;
        }

        // 7.
        var priceReason = PriceRejectReason(instrument, c.OrderType, c.Price, c.StopPrice);
        if (priceReason != RejectReason.None)
        {
            return priceReason;
        }

        // 8. (Engine time, which never goes backwards.)
        if (c.TimeInForce == TimeInForce.Gtd && c.ExpireTime <= _now)
        {
            return RejectReason.InvalidExpireTime;
        }

        // 9.
        if (FindLive(c.Account, c.ClientId) != null)
        {
            return RejectReason.DuplicateClientOrderId;
        }

        // 10. (An untriggered stop-limit can be IOC/FOK.)
        if (!c.OrigClientId.IsEmpty)
        {
            partner = FindLive(c.Account, c.OrigClientId);
            if (partner == null || partner.Instrument != instrument || partner.Side != c.Side || partner.OcoPartner != null
                || partner.TimeInForce is TimeInForce.Ioc or TimeInForce.Fok)
            {
                partner = null;
                return RejectReason.InvalidOcoLink;
            }
        }

        // 11.
        if (postOnly && WouldTakeOnArrival(instrument, c.Side, c.Price))
        {
            partner = null;
            return RejectReason.PostOnlyWouldTake;
        }
        return RejectReason.None;
    }

    private static RejectReason StatusRejectReason(ReferenceInstrument instrument) => instrument.Status switch
    {
        TradingStatus.Halted => RejectReason.InstrumentHalted,
        TradingStatus.Closed => RejectReason.InstrumentClosed,
        _ => RejectReason.None,
    };

    private static RejectReason QuantityRejectReason(ReferenceInstrument instrument, long quantity)
    {
        if (quantity <= 0 || quantity % instrument.LotSize != 0)
        {
            return RejectReason.QuantityOffLot;
        }
        if (quantity < instrument.MinQuantity || quantity > instrument.MaxQuantity)
        {
            return RejectReason.QuantityOutOfRange;
        }
        return RejectReason.None;
    }

    /// <summary>Rule 7: the limit price, then the stop price, each present exactly when the type needs it and on tick.</summary>
    private static RejectReason PriceRejectReason(ReferenceInstrument instrument, OrderType type, long price, long stopPrice)
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
        bool needsStopPrice = type is OrderType.Stop or OrderType.StopLimit;
        if (needsStopPrice ? stopPrice <= 0 : stopPrice != 0)
        {
            return RejectReason.InvalidPrice;
        }
        if (stopPrice % instrument.TickSize != 0)
        {
            return RejectReason.PriceOffTick;
        }
        return RejectReason.None;
    }

    /// <summary>Whether a limit order at <paramref name="price"/> would trade on arrival: the opposite best price crosses it.</summary>
    private static bool WouldTakeOnArrival(ReferenceInstrument instrument, Side side, long price)
    {
        var opposite = instrument.OppositeOf(side);
        if (opposite.Count == 0)
        {
            return false;
        }
        long best = opposite[0].Price;
        return side == Side.Buy ? best <= price : best >= price;
    }

    private void CancelOrder(in Command c)
    {
        var order = FindLive(c.Account, c.OrigClientId);
        if (order == null)
        {
            Emit(ReferenceEvents.Rejected(c, RejectReason.UnknownOrder));
            return;
        }
        Remove(order, EventType.Cancelled, CancelReason.Requested);
    }

    private void ReplaceOrder(in Command c)
    {
        var order = FindLive(c.Account, c.OrigClientId);
        if (order == null)
        {
            Emit(ReferenceEvents.Rejected(c, RejectReason.UnknownOrder));
            return;
        }
        var reason = ValidateReplace(c, order);
        if (reason != RejectReason.None)
        {
            Emit(ReferenceEvents.Rejected(c, reason));
            return;
        }

        var instrument = order.Instrument;
        bool priorityKept = c.Price == order.Price && c.StopPrice == order.StopPrice && c.Quantity <= order.Quantity;
        long newLeaves = c.Quantity - order.Filled;
        var oldClientId = order.ClientId;

        // An empty new client id means "keep it".
        RemoveLive(order);
        order.ClientId = c.ClientId.IsEmpty ? oldClientId : c.ClientId;
        AddLive(order);

        if (priorityKept)
        {
            // A priority-keeping decrease shrinks the hidden part first.
            long decrease = order.Leaves - newLeaves;
            long fromHidden = Math.Min(decrease, order.Hidden);
            order.Hidden -= fromHidden;
            order.Visible -= decrease - fromHidden;
            order.Quantity = c.Quantity;
            Emit(ReferenceEvents.Replaced(order, oldClientId, priorityKept: true));
        }
        else
        {
            order.Price = c.Price;
            order.StopPrice = c.StopPrice;
            order.Quantity = c.Quantity;
            order.Visible = newLeaves;
            order.Hidden = 0;
            if (order.State == ReferenceOrderState.Resting)
            {
                order.ShowFreshSlice();
            }
            Emit(ReferenceEvents.Replaced(order, oldClientId, priorityKept: false));
            if (order.State == ReferenceOrderState.Stop)
            {
                order.Priority = _nextPriority++;
            }
            else
            {
                // To the back of the (new) level; if the new price crosses, it first trades as a taker.
                RemoveFromBooks(order);
                if (WouldTakeOnArrival(instrument, order.Side, order.Price))
                {
                    Work(order);
                }
                else
                {
                    PlaceOnBook(order);
                }
            }
        }
        RunStopCascade(instrument);
    }

    /// <summary>The Replace rejections in the order the doc lists them (after the unknown-order check).</summary>
    private RejectReason ValidateReplace(in Command c, ReferenceOrder order)
    {
        var instrument = order.Instrument;
        var statusReason = StatusRejectReason(instrument);
        if (statusReason != RejectReason.None)
        {
            return statusReason;
        }
        if (!c.ClientId.IsEmpty && c.ClientId != order.ClientId && FindLive(c.Account, c.ClientId) != null)
        {
            return RejectReason.DuplicateClientOrderId;
        }
        var quantityReason = QuantityRejectReason(instrument, c.Quantity);
        if (quantityReason != RejectReason.None)
        {
            return quantityReason;
        }
        var priceReason = PriceRejectReason(instrument, order.Type, c.Price, c.StopPrice);
        if (priceReason != RejectReason.None)
        {
            return priceReason;
        }
        if (c.Quantity <= order.Filled)
        {
            return RejectReason.ReplaceQuantityTooLow;
        }
        if ((order.Flags & OrderFlags.PostOnly) != 0 && order.Type == OrderType.Limit && WouldTakeOnArrival(instrument, order.Side, c.Price))
        {
            return RejectReason.PostOnlyWouldTake;
        }
        return RejectReason.None;
    }

    private void MassCancel(in Command c)
    {
        if (c.Account == 0 && c.Symbol.IsEmpty)
        {
            Emit(ReferenceEvents.Rejected(c, RejectReason.InvalidOrder));
            return;
        }
        List<ReferenceInstrument> scope;
        if (c.Symbol.IsEmpty)
        {
            scope = _instruments;
        }
        else
        {
            var instrument = FindInstrument(c.Symbol);
            if (instrument == null)
            {
                Emit(ReferenceEvents.Rejected(c, RejectReason.UnknownSymbol));
                return;
            }
            scope = [instrument];
        }
        long account = c.Account;
        var targets = scope.SelectMany(i => i.LiveOrders())
            .Where(o => account == 0 || o.Account == account)
            .OrderBy(o => o.OrderId).ToList();
        foreach (var order in targets)
        {
            Remove(order, EventType.Cancelled, CancelReason.MassCancel);
        }
        Emit(ReferenceEvents.MassCancelled(c, targets.Count));
    }

    /// <summary>Takes a live or incoming order out with a Cancelled or Expired event for its whole remaining quantity, then
    /// cancels its OCO partner (reason Oco) when the rules say so.</summary>
    private void Remove(ReferenceOrder order, EventType type, CancelReason reason)
    {
        long quantity = order.Leaves;
        if (order.IsLive)
        {
            RemoveFromBooks(order);
        }
        order.State = ReferenceOrderState.Done;
        order.Visible = 0;
        order.Hidden = 0;
        Emit(ReferenceEvents.Removed(type, order, reason, quantity));
        switch (reason)
        {
            case CancelReason.Requested:
            case CancelReason.SelfTrade:
            case CancelReason.Expired:
            // Assumption: an end-of-day expiry counts as "expiry" for OCO.
            case CancelReason.EndOfDay:
                CancelOcoPartner(order);
                break;
            default:
                // A mass cancel takes both legs itself; other reasons never meet a paired order.
                Unpair(order);
                break;
        }
    }

    private void CancelOcoPartner(ReferenceOrder order)
    {
        var partner = order.OcoPartner;
        if (partner == null)
        {
            return;
        }
        Unpair(order);
        if (partner.IsLive || partner.State == ReferenceOrderState.Incoming)
        {
            Remove(partner, EventType.Cancelled, CancelReason.Oco);
        }
    }

    private static void Unpair(ReferenceOrder order)
    {
        if (order.OcoPartner != null)
        {
            order.OcoPartner.OcoPartner = null;
            order.OcoPartner = null;
        }
    }
}
