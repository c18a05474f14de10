using Exchange.Core.Domain;

namespace Exchange.Core.Matching;

/// <summary>The books of one instrument: bids and asks by price-time priority, and the two stop books
/// (buy stops trigger lowest stop price first, sell stops highest first).</summary>
internal sealed class OrderBook
{
    public OrderBook(Instrument instrument, LevelPool levels)
    {
        Instrument = instrument;
        Bids = new BookSide(levels, ascending: false);
        Asks = new BookSide(levels, ascending: true);
        BuyStops = new BookSide(levels, ascending: true);
        SellStops = new BookSide(levels, ascending: false);
    }

    public Instrument Instrument { get; }

    /// <summary>Pre-trade limits and circuit-breaker state.</summary>
    public Risk.InstrumentRisk Risk { get; } = new();

    public BookSide Bids { get; }

    public BookSide Asks { get; }

    public BookSide BuyStops { get; }

    public BookSide SellStops { get; }

    /// <summary>Untriggered stop orders on <see cref="BuyStops"/> and <see cref="SellStops"/>: lets the engine skip the
    /// stop check after every command without reading the instrument and both stop sides (other cache lines).</summary>
    public int StopOrders;

    /// <summary>First and last live order of this instrument in acceptance (= ascending order id) order.</summary>
    public int OrdersHead;
    public int OrdersTail;

    public BookSide SideOf(Side side) => side == Side.Buy ? Bids : Asks;

    public BookSide OppositeOf(Side side) => side == Side.Buy ? Asks : Bids;

    public BookSide StopsOf(Side side) => side == Side.Buy ? BuyStops : SellStops;
}
