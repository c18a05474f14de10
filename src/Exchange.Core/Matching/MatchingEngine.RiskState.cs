using Exchange.Core.Domain;
using Exchange.Core.Risk;

namespace Exchange.Core.Matching;

// The risk state as one flat list of numbers: written to snapshots, read back, and fed to the state digest.
public sealed partial class MatchingEngine
{
    /// <summary>Every number of the risk state in a fixed order: flags, currency table and fees, each instrument's
    /// limits and breaker state, each non-empty account ledger by ascending account id.</summary>
    private List<long> SaveRiskState()
    {
        var state = new List<long>
        {
            _risk ? 1 : 0,
            _riskTouched ? 1 : 0,
            _nextBreakerDeadline,
            _currencyCount,
        };
        for (int c = 0; c < _currencyCount; c++)
        {
            state.Add(_currencies[c].Value);
            state.Add(_feesCollected[c]);
        }
        foreach (var book in _books)
        {
            state.Add(book.Risk.CurrencyIndex);
            state.Add(book.Instrument.PauseUntil);
            book.Risk.Save(state);
        }
        var ledgers = new List<AccountLedger>();
        for (int slot = 1; slot < _accountCount; slot++)
        {
            if (_ledgers[slot] is { } ledger && !ledger.IsEmpty())
            {
                ledgers.Add(ledger);
            }
        }
        ledgers.Sort((a, b) => a.Account.CompareTo(b.Account));
        state.Add(ledgers.Count);
        foreach (var l in ledgers)
        {
            state.Add(l.Account);
            state.Add(l.Blocked ? 1 : 0);
            state.Add(l.MaxOrderQuantity);
            state.Add(l.MaxOrderNotional);
            state.Add(l.MaxOpenOrders);
            state.Add(l.CreditLimit);
            state.Add(l.ShortSellLimit);
            state.Add(l.MakerFeeBps);
            state.Add(l.TakerFeeBps);
            for (int c = 0; c < AccountLedger.MaxCurrencies; c++)
            {
                state.Add(l.Cash[c].Balance);
                state.Add(l.Cash[c].Held);
            }
            for (int i = 0; i < _instruments.Count; i++)
            {
                state.Add(l.Position[i]);
                state.Add(l.PositionHeld[i]);
            }
        }
        return state;
    }

    /// <summary>Restores what <see cref="SaveRiskState"/> wrote (instruments must be restored first).</summary>
    private void RestoreRiskState(ReadOnlySpan<long> state)
    {
        _risk = state[0] != 0;
        _riskTouched = state[1] != 0;
        _nextBreakerDeadline = state[2];
        _currencyCount = (int)state[3];
        int n = 4;
        for (int c = 0; c < _currencyCount; c++, n += 2)
        {
            _currencies[c] = Currency.FromValue((uint)state[n]);
            _feesCollected[c] = state[n + 1];
        }
        foreach (var book in _books)
        {
            book.Risk.CurrencyIndex = (int)state[n];
            book.Instrument.PauseUntil = state[n + 1];
            n += 2;
            n += book.Risk.Restore(state[n..]);
        }
        long ledgers = state[n++];
        for (long k = 0; k < ledgers; k++)
        {
            var l = Ledger(AccountSlot(state[n], create: true));
            l.Blocked = state[n + 1] != 0;
            if (l.Blocked)
            {
                _blockedAccounts++;
            }
            l.MaxOrderQuantity = state[n + 2];
            l.MaxOrderNotional = state[n + 3];
            l.MaxOpenOrders = state[n + 4];
            l.CreditLimit = state[n + 5];
            l.ShortSellLimit = state[n + 6];
            l.MakerFeeBps = (int)state[n + 7];
            l.TakerFeeBps = (int)state[n + 8];
            n += 9;
            for (int c = 0; c < AccountLedger.MaxCurrencies; c++, n += 2)
            {
                l.Cash[c].Balance = state[n];
                l.Cash[c].Held = state[n + 1];
            }
            for (int i = 0; i < _instruments.Count; i++, n += 2)
            {
                l.Position[i] = state[n];
                l.PositionHeld[i] = state[n + 1];
            }
        }
        if (n != state.Length)
        {
            throw new InvalidDataException("Snapshot risk state has the wrong length.");
        }
        if (_risk)
        {
            // Each order's hold is derived state: recompute it (the ledgers' totals were restored).
            var items = _orders.Items;
            foreach (var book in _books)
            {
                for (int i = book.OrdersHead; i != 0; i = items[i].InstrumentNext)
                {
                    items[i].Held = RequiredHold(ref items[i]);
                }
            }
        }
    }
}
