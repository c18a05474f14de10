namespace Exchange.Core.Domain;

/// <summary>A tradable instrument and its static rules. Owned and mutated only by the engine thread.</summary>
public sealed class Instrument
{
    internal Instrument(int id, Symbol symbol, long tickSize, long lotSize, long minQuantity, long maxQuantity,
        long referencePrice, int collarBasisPoints)
    {
        Id = id;
        Symbol = symbol;
        TickSize = tickSize;
        LotSize = lotSize;
        MinQuantity = minQuantity;
        MaxQuantity = maxQuantity;
        ReferencePrice = referencePrice;
        CollarBasisPoints = collarBasisPoints;
        PriceDecimals = Price.DecimalsOf(tickSize);
    }

    /// <summary>Dense index in declaration order.</summary>
    public int Id { get; }

    public Symbol Symbol { get; }

    /// <summary>Minimum price increment, in fixed-point price units (see <see cref="Price"/>).</summary>
    public long TickSize { get; }

    /// <summary>Quantities must be positive multiples of this.</summary>
    public long LotSize { get; }

    public long MinQuantity { get; }

    public long MaxQuantity { get; }

    /// <summary>Price the market-order collar is measured from until the first trade; 0 if none was given.</summary>
    public long ReferencePrice { get; }

    /// <summary>How far (in basis points of the reference price) a market order may trade away from it; 0 = no collar.</summary>
    public int CollarBasisPoints { get; }

    /// <summary>Decimals of the tick size: how prices of this instrument are written.</summary>
    public int PriceDecimals { get; }

    public TradingStatus Status { get; internal set; } = TradingStatus.Open;

    /// <summary>Currency trades of this instrument settle in (cash holds, fees); <see cref="Currency.Default"/> unless declared.</summary>
    public Currency SettlementCurrency { get; internal init; } = Currency.Default;

    /// <summary>Engine time (ns) at which a circuit-breaker pause ends (status <see cref="TradingStatus.Paused"/>); 0 = none.</summary>
    public long PauseUntil { get; internal set; }

    /// <summary>Price of the last trade, 0 before the first one.</summary>
    public long LastTradePrice { get; internal set; }
}
