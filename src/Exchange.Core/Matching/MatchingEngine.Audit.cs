using Exchange.Core.Domain;

namespace Exchange.Core.Matching;

// Invariant checks for tests (allocates; never on the hot path).
public sealed partial class MatchingEngine
{
    /// <summary>Checks the risk invariants against a recomputation from the live orders: every account's cash is at
    /// least what it holds and holds are not negative; held cash and positions equal what its open orders require;
    /// available position is not below minus the short-sell limit; open-order counts (and each book's count of stop
    /// orders) match. Returns the first violation, or null.</summary>
    internal string? AuditRisk()
    {
        var cashHeld = new long[_accountCount, _currencyCount == 0 ? 1 : _currencyCount];
        var positionHeld = new long[_accountCount, Math.Max(_instruments.Count, 1)];
        var open = new int[_accountCount];
        var items = _orders.Items;
        foreach (var book in _books)
        {
            int stops = 0;
            for (int i = book.OrdersHead; i != 0; i = items[i].InstrumentNext)
            {
                stops += items[i].OnStopBook ? 1 : 0;
            }
            if (stops != book.StopOrders)
            {
                return $"{book.Instrument.Symbol}: {stops} orders on the stop books, counted {book.StopOrders}";
            }
            for (int i = book.OrdersHead; i != 0; i = items[i].InstrumentNext)
            {
                ref var o = ref items[i];
                open[o.AccountSlot]++;
                if (!_risk)
                {
                    continue;
                }
                long required = o.Side == Side.Buy
                    ? CashRequired(o.HoldPrice, o.Leaves, Math.Max(o.MakerFeeBps, o.TakerFeeBps), book.Instrument.LotSize)
                    : o.Leaves;
                if (o.Leaves > 0 && o.Held != required)
                {
                    return $"order {o.OrderId}: holds {o.Held}, requires {required}";
                }
                if (o.Side == Side.Buy)
                {
                    cashHeld[o.AccountSlot, book.Risk.CurrencyIndex] += required;
                }
                else
                {
                    positionHeld[o.AccountSlot, o.Instrument] += o.Leaves;
                }
            }
        }
        for (int slot = 1; slot < _accountCount; slot++)
        {
            if (_accounts[slot].OpenOrders != open[slot])
            {
                return $"account {_accounts[slot].Account}: {_accounts[slot].OpenOrders} open orders counted, {open[slot]} live";
            }
            if (_ledgers[slot] is not { } l || !_risk)
            {
                continue;
            }
            for (int c = 0; c < _currencyCount; c++)
            {
                if (l.Cash[c].Held != cashHeld[slot, c] || l.Cash[c].Held < 0 || l.Cash[c].Balance < l.Cash[c].Held)
                {
                    return $"account {l.Account} {_currencies[c]}: cash {l.Cash[c].Balance}, held {l.Cash[c].Held}, orders require {cashHeld[slot, c]}";
                }
            }
            for (int i = 0; i < _instruments.Count; i++)
            {
                if (l.PositionHeld[i] != positionHeld[slot, i] || l.PositionHeld[i] < 0
                    || l.Position[i] - l.PositionHeld[i] + l.ShortSellLimit < 0)
                {
                    return $"account {l.Account} {_instruments[i].Symbol}: position {l.Position[i]}, held {l.PositionHeld[i]}, " +
                        $"orders require {positionHeld[slot, i]}, short limit {l.ShortSellLimit}";
                }
            }
        }
        return null;
    }

    /// <summary>Sum of every account's cash in <paramref name="currency"/> (tests: conservation).</summary>
    internal long TotalCash(Currency currency)
    {
        int c = CurrencyIndex(currency, add: false);
        long total = 0;
        for (int slot = 1; slot < _accountCount && c >= 0; slot++)
        {
            total += _ledgers[slot]?.Cash[c].Balance ?? 0;
        }
        return total;
    }

    /// <summary>Sum of every account's position in <paramref name="symbol"/> (tests: conservation).</summary>
    internal long TotalPosition(Symbol symbol)
    {
        int id = _instrumentBySymbol.TryGetValue(symbol, out int i) ? i : -1;
        long total = 0;
        for (int slot = 1; slot < _accountCount && id >= 0; slot++)
        {
            total += _ledgers[slot]?.Position[id] ?? 0;
        }
        return total;
    }
}
