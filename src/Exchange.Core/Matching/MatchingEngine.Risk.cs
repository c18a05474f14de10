using System.Runtime.CompilerServices;
using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Risk;

namespace Exchange.Core.Matching;

// Pre-trade risk (risk on): limits, bands and buying power, in the documented order; cash and position holds of open
// orders; settlement and fees of trades. Rules and rounding: docs/risk.md.
public sealed partial class MatchingEngine
{
    /// <summary>Risk checks of a new order that passed the order checks. <paramref name="slot"/>: the account's slot
    /// (0 if it has none yet); <paramref name="holdPrice"/>: what a buy's cash hold covers per unit.</summary>
    private RejectReason CheckNewOrderRisk(in Command c, OrderBook book, out int slot, out long holdPrice)
    {
        holdPrice = 0;
        slot = _accountSlots.TryGetValue(c.Account, out int s) ? s : 0;
        var ledger = slot != 0 ? _ledgers[slot] : null;
        if (ledger is { Blocked: true })
        {
            return RejectReason.AccountBlocked;
        }
        if (!_risk)
        {
            return RejectReason.None;
        }
        var reason = CheckOrderRisk(book, ledger, c.Side, c.OrderType, c.Price, c.StopPrice, c.Quantity, out holdPrice);
        if (reason != RejectReason.None)
        {
            return reason;
        }
        if (ledger is null)
        {
            return c.Side == Side.Buy ? RejectReason.InsufficientFunds : RejectReason.InsufficientPosition;
        }
        if (ledger.MaxOpenOrders > 0 && _accounts[slot].OpenOrders >= ledger.MaxOpenOrders)
        {
            return RejectReason.OpenOrderLimit;
        }
        long required = c.Side == Side.Buy
            ? CashRequired(holdPrice, c.Quantity, Math.Max(ledger.MakerFeeBps, ledger.TakerFeeBps), book.Instrument.LotSize)
            : 0;
        return CheckBuyingPower(book, ledger, c.Side, c.Quantity, required, 0);
    }

    /// <summary>Risk checks of a replace that passed the order checks: as for a new order, with the order's current
    /// hold available to its new version.</summary>
    private RejectReason CheckReplaceRisk(in Command c, ref OrderEntry o, OrderBook book, out long holdPrice, out long holdChange)
    {
        holdPrice = 0;
        holdChange = 0;
        var ledger = _ledgers[o.AccountSlot];
        if (ledger is { Blocked: true })
        {
            return RejectReason.AccountBlocked;
        }
        if (!_risk)
        {
            return RejectReason.None;
        }
        var reason = CheckOrderRisk(book, ledger, o.Side, o.Type, c.Price, c.StopPrice, c.Quantity, out holdPrice);
        if (reason != RejectReason.None)
        {
            return reason;
        }
        long newLeaves = c.Quantity - o.Filled;
        if (o.Side == Side.Sell)
        {
            holdChange = newLeaves - o.Held;
            return CheckBuyingPower(book, ledger!, Side.Sell, newLeaves, 0, o.Held);
        }
        long required = CashRequired(holdPrice, newLeaves, Math.Max(o.MakerFeeBps, o.TakerFeeBps), book.Instrument.LotSize);
        holdChange = required - o.Held;
        return CheckBuyingPower(book, ledger!, Side.Buy, newLeaves, required, o.Held);
    }

    /// <summary>Limits, bands and notional of an order (new or replaced); <paramref name="holdPrice"/>: what a buy's
    /// cash hold covers per unit.</summary>
    private RejectReason CheckOrderRisk(OrderBook book, AccountLedger? ledger, Side side, OrderType type, long price,
        long stopPrice, long quantity, out long holdPrice)
    {
        holdPrice = 0;
        var risk = book.Risk;
        if ((risk.MaxOrderQuantity > 0 && quantity > risk.MaxOrderQuantity)
            || (ledger is { MaxOrderQuantity: > 0 } && quantity > ledger.MaxOrderQuantity))
        {
            return RejectReason.OrderQuantityLimit;
        }
        if (risk.LuldTier != 0)
        {
            RefreshBands(book);
        }
        bool buy = side == Side.Buy;
        if (price != 0 && risk.HasBands && (buy ? price > risk.UpperBand : price < risk.LowerBand))
        {
            return RejectReason.PriceOutsideBand;
        }
        long reference = ReferenceOf(book);
        if (risk.PriceBandBps > 0 && reference > 0
            && (OutsideFatFingerBand(price, reference, risk.PriceBandBps) || OutsideFatFingerBand(stopPrice, reference, risk.PriceBandBps)))
        {
            return RejectReason.FatFingerPrice;
        }
        long unitPrice;
        if (buy)
        {
            holdPrice = type is OrderType.Limit or OrderType.StopLimit ? price : BuyHoldPrice(book, type, price, stopPrice);
            if (holdPrice <= 0)
            {
                return RejectReason.NoPriceProtection;
            }
            unitPrice = holdPrice;
        }
        else
        {
            unitPrice = price != 0 ? price : stopPrice != 0 ? stopPrice : reference;
        }
        // Both factors are positive: the product fits in 63 bits when the high word is 0 and the low one not negative.
        long high = Math.BigMul(unitPrice, quantity, out long notional);
        if (high != 0 || notional > long.MaxValue / 2
            || (risk.MaxOrderNotional > 0 && notional > risk.MaxOrderNotional)
            || (ledger is { MaxOrderNotional: > 0 } && notional > ledger.MaxOrderNotional))
        {
            return RejectReason.OrderNotionalLimit;
        }
        return RejectReason.None;
    }

    /// <summary>Credit limit and available cash (buys) or position (sells); <paramref name="released"/> is what the
    /// order held before (replaces), available to it again.</summary>
    private RejectReason CheckBuyingPower(OrderBook book, AccountLedger ledger, Side side, long quantity, long required, long released)
    {
        if (side == Side.Buy)
        {
            int currency = book.Risk.CurrencyIndex;
            long held = ledger.Cash[currency].Held - released;
            if (ledger.CreditLimit > 0 && held + required > ledger.CreditLimit)
            {
                return RejectReason.CreditLimit;
            }
            return ledger.Cash[currency].Balance - held < required ? RejectReason.InsufficientFunds : RejectReason.None;
        }
        int id = book.Instrument.Id;
        long available = ledger.Position[id] - (ledger.PositionHeld[id] - released) + ledger.ShortSellLimit;
        return available < quantity ? RejectReason.InsufficientPosition : RejectReason.None;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool OutsideFatFingerBand(long price, long reference, long bps)
    {
        if (price == 0)
        {
            return false;
        }
        long distance = Math.Abs(price - reference);
        // Prices below 2^49 (about 5.6 million in price units) multiply in 64 bits; larger ones take the wide path.
        return (ulong)(distance | reference) < 1UL << 49
            ? distance * 10_000 > reference * bps
            : Math.BigMul(distance, 10_000) > Math.BigMul(reference, bps);
    }

    /// <summary>The price bands and collars measure from: the band reference if there is one, else the last trade price,
    /// else the declared reference price (0 if none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long ReferenceOf(OrderBook book)
    {
        var instrument = book.Instrument;
        long reference = book.Risk.Reference;
        if (reference == 0)
        {
            reference = instrument.LastTradePrice != 0 ? instrument.LastTradePrice : instrument.ReferencePrice;
        }
        return reference;
    }

    /// <summary>The highest price a buy's cash hold covers: its limit price; for a market buy the collar limit capped
    /// by the upper band; for a stop (market) buy the stop price moved up by the collar (else by the price band of
    /// its tier). 0 if nothing bounds it.</summary>
    private long BuyHoldPrice(OrderBook book, OrderType type, long price, long stopPrice)
    {
        var risk = book.Risk;
        var instrument = book.Instrument;
        switch (type)
        {
            case OrderType.Limit:
            case OrderType.StopLimit:
                return price;
            case OrderType.Market:
                long limit = CollarLimit(book, Side.Buy);
                if (risk.HasBands)
                {
                    limit = Math.Min(limit, risk.UpperBand);
                }
                return limit == long.MaxValue ? 0 : limit;
            default:
                if (instrument.CollarBasisPoints > 0)
                {
                    long raw = stopPrice + BasisPointsOf(stopPrice, instrument.CollarBasisPoints);
                    return raw - raw % instrument.TickSize;
                }
                return risk.LuldTier > 0 ? PriceBands.For(stopPrice, (int)risk.LuldTier, instrument.TickSize).Upper : 0;
        }
    }

    /// <summary>Cash a buy of <paramref name="quantity"/> at up to <paramref name="price"/> must hold: the notional plus
    /// the largest fee it can pay, rounded up, plus one unit per lot (fees are rounded up per trade, so an order filled
    /// in n trades pays at most n-1 units more than one rounded fee on its whole notional).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long CashRequired(long price, long quantity, int feeBps, long lot)
    {
        long notional = price * quantity;
        return feeBps == 0 ? notional : notional + Fee(notional, feeBps) + (lot == 1 ? quantity : quantity / lot);
    }

    /// <summary>Fee on <paramref name="notional"/>: notional × bps / 10,000 rounded up (in the venue's favour), exact in
    /// 64 bits for any notional.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long Fee(long notional, int bps) =>
        notional / 10_000 * bps + (notional % 10_000 * bps + 9_999) / 10_000;

    /// <summary>What a live order must hold for its current open quantity: cash for a buy, position for a sell.</summary>
    private long RequiredHold(ref OrderEntry o)
    {
        long leaves = o.Visible + o.Hidden;
        if (o.Side != Side.Buy || leaves == 0)
        {
            return leaves;
        }
        return CashRequired(o.HoldPrice, leaves, Math.Max(o.MakerFeeBps, o.TakerFeeBps), _instruments[o.Instrument].LotSize);
    }

    /// <summary>Takes what a live order holds off its account (before its open quantity changes).</summary>
    private void Unhold(int index)
    {
        ref var o = ref _orders.Items[index];
        if (o.Held == 0)
        {
            return;
        }
        var ledger = _ledgers[o.AccountSlot]!;
        if (o.Side == Side.Buy)
        {
            ledger.Cash[_books[o.Instrument].Risk.CurrencyIndex].Held -= o.Held;
        }
        else
        {
            ledger.PositionHeld[o.Instrument] -= o.Held;
        }
        o.Held = 0;
    }

    /// <summary>Puts what a live order must hold for its current open quantity on its account.</summary>
    private void Hold(int index)
    {
        ref var o = ref _orders.Items[index];
        o.Held = RequiredHold(ref o);
        if (o.Held == 0)
        {
            return;
        }
        var ledger = _ledgers[o.AccountSlot]!;
        if (o.Side == Side.Buy)
        {
            ledger.Cash[_books[o.Instrument].Risk.CurrencyIndex].Held += o.Held;
        }
        else
        {
            ledger.PositionHeld[o.Instrument] += o.Held;
        }
    }

    /// <summary>Moves cash and position for one trade and charges both fees (the taker's incoming order pays its taker
    /// fee, the resting order its maker fee). The holds of both orders must be taken off before and put back after.</summary>
    private void Settle(OrderBook book, int taker, int maker, long price, long quantity)
    {
        var items = _orders.Items;
        ref var t = ref items[taker];
        ref var m = ref items[maker];
        long notional = price * quantity;
        long takerFee = t.TakerFeeBps == 0 ? 0 : Fee(notional, t.TakerFeeBps);
        long makerFee = m.MakerFeeBps == 0 ? 0 : Fee(notional, m.MakerFeeBps);
        var takerLedger = _ledgers[t.AccountSlot]!;
        var makerLedger = _ledgers[m.AccountSlot]!;
        int currency = book.Risk.CurrencyIndex;
        int id = t.Instrument;
        if (t.Side == Side.Buy)
        {
            takerLedger.Cash[currency].Balance -= notional + takerFee;
            takerLedger.Position[id] += quantity;
            makerLedger.Cash[currency].Balance += notional - makerFee;
            makerLedger.Position[id] -= quantity;
        }
        else
        {
            takerLedger.Cash[currency].Balance += notional - takerFee;
            takerLedger.Position[id] -= quantity;
            makerLedger.Cash[currency].Balance -= notional + makerFee;
            makerLedger.Position[id] += quantity;
        }
        _feesCollected[currency] += takerFee + makerFee;
    }

    /// <summary>Risk on: the worst price an incoming order may trade at, given its own limit: a buy never above its
    /// hold price or the upper band, a sell never below the lower band.</summary>
    private long RiskTradeLimit(OrderBook book, ref OrderEntry o, long limit)
    {
        var risk = book.Risk;
        if (risk.LuldTier == 0)
        {
            return o.Side == Side.Buy && o.HoldPrice > 0 && o.HoldPrice < limit ? o.HoldPrice : limit;
        }
        RefreshBands(book);
        if (o.Side == Side.Buy)
        {
            if (o.HoldPrice > 0 && o.HoldPrice < limit)
            {
                limit = o.HoldPrice;
            }
            return risk.HasBands && risk.UpperBand < limit ? risk.UpperBand : limit;
        }
        return risk.HasBands && risk.LowerBand > limit ? risk.LowerBand : limit;
    }
}
