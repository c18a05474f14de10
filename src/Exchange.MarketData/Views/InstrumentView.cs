using Exchange.Core.Domain;

namespace Exchange.MarketData.Views;

/// <summary>Everything the market-data service knows of one instrument: public book, tape, bars, session statistics
/// and status, plus what changed since the last publication (the WebSocket hub takes it) and the per-channel
/// sequence numbers. Owned by the market-data thread.</summary>
public sealed class InstrumentView
{
    private readonly long[] _sequences = new long[Channels.Count];

    internal InstrumentView(Symbol symbol, int shard, ushort locate, long referencePrice, int tapeCapacity, int barCapacity)
    {
        Symbol = symbol;
        Name = symbol.ToString();
        Shard = shard;
        Locate = locate;
        ReferencePrice = referencePrice;
        Tape = new TradeTape(tapeCapacity);
        Bars1s = new BarSeries(BarInterval.OneSecond, barCapacity);
        Bars1m = new BarSeries(BarInterval.OneMinute, barCapacity);
    }

    public Symbol Symbol { get; }

    public string Name { get; }

    public int Shard { get; }

    /// <summary>1-based index in order of appearance: the ITCH stock locate.</summary>
    public ushort Locate { get; }

    public long ReferencePrice { get; }

    /// <summary>Tick and lot size when known (from the engine state at start; 0 for instruments declared later,
    /// whose event carries neither).</summary>
    public long TickSize { get; internal set; }

    public long LotSize { get; internal set; }

    public TradingStatus Status { get; internal set; } = TradingStatus.Open;

    public PublicBook Book { get; } = new();

    public TradeTape Tape { get; }

    public BarSeries Bars1s { get; }

    public BarSeries Bars1m { get; }

    public SessionStatistics Statistics { get; } = new();

    public BarSeries BarsOf(BarInterval interval) => interval == BarInterval.OneSecond ? Bars1s : Bars1m;

    /// <summary>Engine time of the last event applied to this instrument.</summary>
    public long LastTimestamp { get; internal set; }

    // Changes since the last publication, and those handed out by the last TakeChanges (kept for reuse: the market-data
    // thread publishes after every batch of events, and copying each batch's changes was most of its garbage).
    internal List<BookUpdate> PendingL3 { get; private set; } = [];
    internal List<TradePrint> PendingTrades { get; private set; } = [];
    internal bool PendingBars;
    internal bool PendingStatus;
    private List<BookUpdate> _publishedL3 = [];
    private List<TradePrint> _publishedTrades = [];
    private readonly List<(Side Side, PriceLevelView Level)> _publishedLevels = [];

    /// <summary>True while changes wait to be published.</summary>
    public bool HasPendingChanges => PendingL3.Count > 0 || PendingTrades.Count > 0 || PendingBars || PendingStatus || Book.HasChanges;

    /// <summary>Sequence number of the last message published on a channel (0 = none yet).</summary>
    public long SequenceOf(Channel channel) => _sequences[(int)channel];

    /// <summary>Takes the next sequence number of a channel.</summary>
    public long NextSequence(Channel channel) => ++_sequences[(int)channel];

    /// <summary>The changes since the last call: L3 updates, trades, changed levels, and whether bars and status changed.
    /// Clears them. The lists it returns are this view's own and are reused: valid until the next call (read them, or
    /// copy them, before the market-data thread applies more events).</summary>
    public PublishedChanges TakeChanges()
    {
        (_publishedL3, PendingL3) = (PendingL3, _publishedL3);
        (_publishedTrades, PendingTrades) = (PendingTrades, _publishedTrades);
        PendingL3.Clear();
        PendingTrades.Clear();
        Book.TakeChangedLevels(_publishedLevels);
        var changes = new PublishedChanges(_publishedL3, _publishedTrades, _publishedLevels, PendingBars, PendingStatus);
        PendingBars = false;
        PendingStatus = false;
        return changes;
    }
}

/// <summary>What changed in one instrument between two publications (lists owned by the view: see
/// <see cref="InstrumentView.TakeChanges"/>).</summary>
public readonly record struct PublishedChanges(
    IReadOnlyList<BookUpdate> L3,
    IReadOnlyList<TradePrint> Trades,
    IReadOnlyList<(Side Side, PriceLevelView Level)> Levels,
    bool Bars,
    bool Status);
