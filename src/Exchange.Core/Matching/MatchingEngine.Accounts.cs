using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Events;
using Exchange.Core.Risk;

namespace Exchange.Core.Matching;

// Accounts: the operator commands that turn risk on, move money and positions in and out, set limits and the
// kill switch; the account and currency tables. Rules: docs/risk.md.
public sealed partial class MatchingEngine
{
    /// <summary>Accounts, pre-trade risk and circuit breakers are on (<see cref="CommandType.EnableRisk"/>).</summary>
    private bool _risk;

    /// <summary>Some risk state exists (risk on, a deposit, a limit or a kill switch): the digest and snapshot cover it.</summary>
    private bool _riskTouched;

    private int _blockedAccounts;
    private AccountLedger?[] _ledgers = new AccountLedger?[64];
    private readonly Currency[] _currencies = new Currency[AccountLedger.MaxCurrencies];
    private int _currencyCount;

    /// <summary>Fees collected by the venue, per currency index.</summary>
    private readonly long[] _feesCollected = new long[AccountLedger.MaxCurrencies];

    /// <summary>Whether accounts, pre-trade risk and circuit breakers are on.</summary>
    public bool RiskEnabled => _risk;

    /// <summary>Cash of <paramref name="account"/> in <paramref name="currency"/>: balance and the part held by open orders.</summary>
    public (long Balance, long Held) GetCash(long account, Currency currency)
    {
        int c = CurrencyIndex(currency, add: false);
        if (c < 0 || !_accountSlots.TryGetValue(account, out int slot) || _ledgers[slot] is not { } ledger)
        {
            return (0, 0);
        }
        return (ledger.Cash[c].Balance, ledger.Cash[c].Held);
    }

    /// <summary>Position of <paramref name="account"/> in <paramref name="symbol"/>: quantity and the part held by open sells.</summary>
    public (long Quantity, long Held) GetPosition(long account, Symbol symbol)
    {
        if (!_instrumentBySymbol.TryGetValue(symbol, out int id) || !_accountSlots.TryGetValue(account, out int slot)
            || _ledgers[slot] is not { } ledger)
        {
            return (0, 0);
        }
        return (ledger.Position[id], ledger.PositionHeld[id]);
    }

    /// <summary>Fees the venue has collected in <paramref name="currency"/>.</summary>
    public long GetFeesCollected(Currency currency)
    {
        int c = CurrencyIndex(currency, add: false);
        return c < 0 ? 0 : _feesCollected[c];
    }

    /// <summary>Whether the account's kill switch is set.</summary>
    public bool IsBlocked(long account) =>
        _accountSlots.TryGetValue(account, out int slot) && _ledgers[slot] is { Blocked: true };

    /// <summary>Every account that has risk state (cash, positions, limits or a kill switch), in ascending id.</summary>
    public IReadOnlyList<long> RiskAccounts()
    {
        var list = new List<long>();
        for (int slot = 1; slot < _accountCount; slot++)
        {
            if (_ledgers[slot] is { } ledger && !ledger.IsEmpty())
            {
                list.Add(ledger.Account);
            }
        }
        list.Sort();
        return list;
    }

    /// <summary>The account's slot in <see cref="_accounts"/>; 0 if it has none and <paramref name="create"/> is false.</summary>
    private int AccountSlot(long account, bool create)
    {
        if (_accountSlots.TryGetValue(account, out int slot))
        {
            return slot;
        }
        if (!create)
        {
            return 0;
        }
        slot = _accountCount++;
        if (slot == _accounts.Length)
        {
            Array.Resize(ref _accounts, _accounts.Length * 2);
            Array.Resize(ref _ledgers, _accounts.Length);
        }
        _accounts[slot] = new AccountOrders { Account = account };
        _accountSlots.Add(account, slot);
        return slot;
    }

    private AccountLedger Ledger(int slot) => _ledgers[slot] ??= new AccountLedger(_accounts[slot].Account, _instruments.Count);

    /// <summary>Index of a currency in the table (added if <paramref name="add"/> and there is room); -1 if none.</summary>
    private int CurrencyIndex(Currency currency, bool add)
    {
        for (int i = 0; i < _currencyCount; i++)
        {
            if (_currencies[i] == currency)
            {
                return i;
            }
        }
        if (!add || _currencyCount == _currencies.Length)
        {
            return -1;
        }
        _currencies[_currencyCount] = currency;
        return _currencyCount++;
    }

    private void EnableRisk(in Command c)
    {
        if (_risk || _orders.Count > 0)
        {
            Reject(in c, RejectReason.InvalidOperatorCommand);
            return;
        }
        _risk = true;
        _riskTouched = true;
        foreach (var book in _books)
        {
            book.Risk.BandsVersion = -1;
        }
        _touchAll = true;
        NewEvent(EventType.RiskEnabled);
    }

    private void Transfer(in Command c, bool deposit)
    {
        if (c.Account <= 0 || c.Quantity <= 0)
        {
            Reject(in c, RejectReason.InvalidOperatorCommand);
            return;
        }
        int instrument = -1;
        int currency = -1;
        if (!c.Symbol.IsEmpty)
        {
            if (!_instrumentBySymbol.TryGetValue(c.Symbol, out instrument))
            {
                Reject(in c, RejectReason.UnknownSymbol);
                return;
            }
        }
        else
        {
            currency = CurrencyIndex(c.Currency.IsEmpty ? Currency.Default : c.Currency, add: deposit);
            if (currency < 0)
            {
                Reject(in c, RejectReason.InvalidOperatorCommand);
                return;
            }
        }
        int slot = AccountSlot(c.Account, create: deposit);
        if (slot == 0)
        {
            Reject(in c, RejectReason.InvalidOperatorCommand);
            return;
        }
        var ledger = Ledger(slot);
        ref long balance = ref instrument >= 0 ? ref ledger.Position[instrument] : ref ledger.Cash[currency].Balance;
        long held = instrument >= 0 ? ledger.PositionHeld[instrument] : ledger.Cash[currency].Held;
        if (deposit ? balance > long.MaxValue - c.Quantity : balance - held < c.Quantity)
        {
            Reject(in c, RejectReason.InvalidOperatorCommand);
            return;
        }
        balance += deposit ? c.Quantity : -c.Quantity;
        _riskTouched = true;
        ref var e = ref NewEvent(EventType.BalanceChanged);
        e.Account = c.Account;
        e.Symbol = c.Symbol;
        e.Currency = instrument >= 0 ? default : _currencies[currency];
        e.Quantity = deposit ? c.Quantity : -c.Quantity;
        e.LeavesQuantity = balance;
    }

    private void SetLimit(in Command c)
    {
        bool accountLimit = c.Limit is >= RiskLimit.AccountMaxOrderQuantity and <= RiskLimit.AccountTakerFeeBps;
        bool instrumentLimit = c.Limit is >= RiskLimit.InstrumentMaxOrderQuantity and <= RiskLimit.InstrumentMoveLevelBps;
        bool valid = c.Quantity >= 0
            && (accountLimit ? c.Account > 0 && c.Symbol.IsEmpty : instrumentLimit && c.Account == 0 && !c.Symbol.IsEmpty)
            && (c.Limit is not (RiskLimit.AccountMakerFeeBps or RiskLimit.AccountTakerFeeBps) || c.Quantity <= 1000)
            && (c.Limit != RiskLimit.InstrumentLuldTier || c.Quantity <= 2)
            && (c.Limit != RiskLimit.InstrumentImbalancePercent || c.Quantity <= 100)
            && (c.Limit is not (RiskLimit.InstrumentPriceBandBps or RiskLimit.InstrumentMoveLevelBps) || c.Quantity <= 10_000);
        if (!valid)
        {
            Reject(in c, RejectReason.InvalidOperatorCommand);
            return;
        }
        if (accountLimit)
        {
            var ledger = Ledger(AccountSlot(c.Account, create: true));
            switch (c.Limit)
            {
                case RiskLimit.AccountMaxOrderQuantity: ledger.MaxOrderQuantity = c.Quantity; break;
                case RiskLimit.AccountMaxOrderNotional: ledger.MaxOrderNotional = c.Quantity; break;
                case RiskLimit.AccountMaxOpenOrders: ledger.MaxOpenOrders = c.Quantity; break;
                case RiskLimit.AccountCreditLimit: ledger.CreditLimit = c.Quantity; break;
                case RiskLimit.AccountShortSellLimit: ledger.ShortSellLimit = c.Quantity; break;
                case RiskLimit.AccountMakerFeeBps: ledger.MakerFeeBps = (int)c.Quantity; break;
                default: ledger.TakerFeeBps = (int)c.Quantity; break;
            }
        }
        else
        {
            if (!_instrumentBySymbol.TryGetValue(c.Symbol, out int id))
            {
                Reject(in c, RejectReason.UnknownSymbol);
                return;
            }
            var risk = _books[id].Risk;
            switch (c.Limit)
            {
                case RiskLimit.InstrumentMaxOrderQuantity: risk.MaxOrderQuantity = c.Quantity; break;
                case RiskLimit.InstrumentMaxOrderNotional: risk.MaxOrderNotional = c.Quantity; break;
                case RiskLimit.InstrumentPriceBandBps: risk.PriceBandBps = c.Quantity; break;
                case RiskLimit.InstrumentLuldTier:
                    risk.LuldTier = c.Quantity;
                    risk.BandsVersion = -1;
                    if (c.Quantity == 0)
                    {
                        risk.LowerBand = 0;
                        risk.UpperBand = 0;
                        risk.LimitStateSince = 0;
                    }
                    break;
                case RiskLimit.InstrumentVolumeSpikeMultiple: risk.VolumeSpikeMultiple = c.Quantity; break;
                case RiskLimit.InstrumentMoveLevelBps: risk.MoveLevelBps = c.Quantity; break;
                default: risk.ImbalancePercent = c.Quantity; break;
            }
            _touched = _books[id];
        }
        _riskTouched = true;
        ref var e = ref NewEvent(EventType.LimitChanged);
        e.Account = c.Account;
        e.Symbol = c.Symbol;
        e.Limit = c.Limit;
        e.Quantity = c.Quantity;
    }

    private void KillSwitch(in Command c)
    {
        if (c.Account <= 0 || c.Status is not (TradingStatus.Halted or TradingStatus.Open))
        {
            Reject(in c, RejectReason.InvalidOperatorCommand);
            return;
        }
        int slot = AccountSlot(c.Account, create: true);
        var ledger = Ledger(slot);
        bool block = c.Status == TradingStatus.Halted;
        int count = 0;
        if (block)
        {
            if (!ledger.Blocked)
            {
                _blockedAccounts++;
            }
            ledger.Blocked = true;
            var items = _orders.Items;
            for (int i = _accounts[slot].Head; i != 0; i = items[i].AccountNext)
            {
                AddScratch(ref count, i);
            }
            for (int k = 0; k < count; k++)
            {
                // A cancel may have taken the order's OCO partner already.
                if (items[_scratch[k].Index].OrderId == _scratch[k].OrderId)
                {
                    CancelOrder(_scratch[k].Index, CancelReason.KillSwitch);
                }
            }
            _touchAll = true;
        }
        else if (ledger.Blocked)
        {
            ledger.Blocked = false;
            _blockedAccounts--;
        }
        _riskTouched = true;
        ref var e = ref NewEvent(EventType.Alert);
        e.Alert = AlertKind.KillSwitch;
        e.Account = c.Account;
        e.Status = c.Status;
        e.Quantity = count;
    }
}
