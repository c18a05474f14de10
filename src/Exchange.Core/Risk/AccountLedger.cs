namespace Exchange.Core.Risk;

/// <summary>One account's money, positions, limits and kill switch. Owned by the engine thread. Cash amounts are
/// fixed-point with the price scale (10^-8 currency units); positions are in instrument quantity units.
/// Invariants (risk on): 0 ≤ Cash[c].Held ≤ Cash[c].Balance; Cash[c].Held and PositionHeld equal what the account's open
/// orders require (docs/risk.md).</summary>
internal sealed class AccountLedger
{
    /// <summary>Most currencies one engine settles in.</summary>
    public const int MaxCurrencies = 8;

    public AccountLedger(long account, int instruments)
    {
        Account = account;
        Position = new long[Math.Max(instruments, 4)];
        PositionHeld = new long[Position.Length];
    }

    public long Account { get; }

    /// <summary>Kill switch: no new orders or replaces while set.</summary>
    public bool Blocked;

    // Limits; 0 = none (fees: 0 bps).
    public long MaxOrderQuantity;
    public long MaxOrderNotional;
    public long MaxOpenOrders;
    public long CreditLimit;
    public long ShortSellLimit;
    public int MakerFeeBps;
    public int TakerFeeBps;

    /// <summary>Cash per currency index (see the engine's currency table): balance and the part held by open buy
    /// orders side by side, inline in the ledger, so a check touches one cache line.</summary>
    public PerCurrency Cash;

    /// <summary>Position per instrument id (may be negative down to the short-sell limit).</summary>
    public long[] Position;

    /// <summary>Quantity held by open sell orders, per instrument id.</summary>
    public long[] PositionHeld;

    /// <summary>Makes room for instrument ids below <paramref name="instruments"/> (when instruments are added).</summary>
    public void EnsureInstruments(int instruments)
    {
        if (instruments > Position.Length)
        {
            int size = Math.Max(instruments, Position.Length * 2);
            Array.Resize(ref Position, size);
            Array.Resize(ref PositionHeld, size);
        }
    }

    /// <summary>Whether anything differs from a fresh ledger (only such ledgers enter the digest and snapshots).</summary>
    public bool IsEmpty()
    {
        if (Blocked || MaxOrderQuantity != 0 || MaxOrderNotional != 0 || MaxOpenOrders != 0 || CreditLimit != 0
            || ShortSellLimit != 0 || MakerFeeBps != 0 || TakerFeeBps != 0)
        {
            return false;
        }
        for (int c = 0; c < MaxCurrencies; c++)
        {
            if (Cash[c].Balance != 0 || Cash[c].Held != 0)
            {
                return false;
            }
        }
        for (int i = 0; i < Position.Length; i++)
        {
            if (Position[i] != 0 || PositionHeld[i] != 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Balance and held cash of one currency.</summary>
    public struct CashAccount
    {
        public long Balance;
        public long Held;
    }

    /// <summary>One <see cref="CashAccount"/> per currency index, stored inline in the ledger.</summary>
    [System.Runtime.CompilerServices.InlineArray(MaxCurrencies)]
    public struct PerCurrency
    {
        private CashAccount _element0;
    }
}
