using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Events;

namespace Exchange.Core.Matching;

/// <summary>The matching engine: a deterministic, single-threaded state machine over all instruments of
/// one shard. <see cref="Process"/> applies one command and returns the events it caused. No clock, no
/// randomness, no I/O: the same commands always give byte-identical events and the same
/// <see cref="ComputeStateDigest"/>. Not thread-safe: exactly one thread may call it. Rules: docs/matching-rules.md.</summary>
public sealed partial class MatchingEngine
{
    private readonly OrderPool _orders;
    private readonly LevelPool _levels;
    private readonly EventBuffer _events;
    private readonly ExpiryQueue _expiries;
    private readonly List<Instrument> _instruments = [];
    private readonly List<OrderBook> _books = [];
    /// <summary>Bids and asks of instrument i at 2i and 2i + 1: lets the prefetch reach the sides without first
    /// loading the book (MatchingEngine.Prefetch.cs).</summary>
    private BookSide[] _bookSides = new BookSide[16];
    private readonly Dictionary<Symbol, int> _instrumentBySymbol = [];
    private readonly ClientIdIndex<ClientIdHasher> _orderByClientId;
    private readonly Dictionary<long, int> _accountSlots = [];
    private AccountOrders[] _accounts = new AccountOrders[64];
    private int _accountCount = 1; // slot 0 unused

    /// <summary>Triggered stop orders waiting to enter the book, in trigger order.</summary>
    private int[] _triggerQueue = new int[64];
    private int _triggerHead;
    private int _triggerTail;

    /// <summary>Scratch for commands that touch many orders (mass cancel, end of day).</summary>
    private (int Index, long OrderId)[] _scratch = new (int, long)[256];

    /// <summary>Where a re-priced order was (a level of its side, or 0), for <see cref="Rest"/>'s level lookup.</summary>
    private int _restHint;

    /// <summary>A re-priced order's old level that it left empty, kept in its side for <see cref="Rest"/> to move to
    /// the new price in place (<see cref="BookSide.TryMove"/>) instead of removing one level and adding another
    /// (two red-black-tree updates on cold nodes); 0 if none.</summary>
    private int _vacated;

    private long _now;
    private long _lastOrderId;
    private long _lastTradeId;

    public MatchingEngine(EngineOptions? options = null)
    {
        options ??= new EngineOptions();
        _orders = new OrderPool(options.OrderCapacity, options.HugePages);
        _levels = new LevelPool(options.LevelCapacity, options.HugePages);
        _events = new EventBuffer(options.EventCapacity);
        _expiries = new ExpiryQueue(_orders, 1024);
        _orderByClientId = new ClientIdIndex<ClientIdHasher>(_orders, options.OrderCapacity);
    }

    /// <summary>Sequence number of the last event produced (0 before any).</summary>
    public long Sequence { get; private set; }

    /// <summary>Instruments in declaration order.</summary>
    public IReadOnlyList<Instrument> Instruments => _instruments;

    /// <summary>Number of live orders (resting and untriggered stops).</summary>
    public int LiveOrderCount => _orders.Count;

    public bool TryGetInstrument(Symbol symbol, out Instrument instrument)
    {
        if (_instrumentBySymbol.TryGetValue(symbol, out int id))
        {
            instrument = _instruments[id];
            return true;
        }
        instrument = null!;
        return false;
    }

    /// <summary>Applies one command. The returned span is valid until the next call.</summary>
    public ReadOnlySpan<EngineEvent> Process(in Command command)
    {
        _events.Clear();
        // Engine time never goes backwards: producers stamp commands concurrently, so a command may carry
        // a slightly earlier time than the one sequenced before it; it then runs at the later time.
        if (command.Timestamp > _now)
        {
            _now = command.Timestamp;
        }
        if (_now >= _nextBreakerDeadline)
        {
            RunBreakerTimers();
        }
        if (_expiries.Count > 0)
        {
            ExpireGoodTillDate();
        }
        switch (command.Type)
        {
            case CommandType.NewOrder:
                NewOrder(in command);
                break;
            case CommandType.Replace:
                Replace(in command);
                break;
            case CommandType.Cancel:
                Cancel(in command);
                break;
            case CommandType.MassCancel:
                MassCancel(in command);
                break;
            case CommandType.AddInstrument:
                AddInstrument(in command);
                break;
            case CommandType.SetStatus:
                SetStatus(in command);
                break;
            case CommandType.EndOfDay:
                EndOfDay(in command);
                break;
            case CommandType.AdvanceTime:
                _touchAll = true;
                break;
            case CommandType.EnableRisk:
                EnableRisk(in command);
                break;
            case CommandType.Deposit:
                Transfer(in command, deposit: true);
                break;
            case CommandType.Withdraw:
                Transfer(in command, deposit: false);
                break;
            case CommandType.SetLimit:
                SetLimit(in command);
                break;
            case CommandType.KillSwitch:
                KillSwitch(in command);
                break;
            default:
                Reject(in command, RejectReason.UnknownCommand);
                break;
        }
        if (_risk)
        {
            AfterCommand();
        }
        return _events.Span;
    }

    private void AddInstrument(in Command c)
    {
        bool valid = !c.Symbol.IsEmpty && !_instrumentBySymbol.ContainsKey(c.Symbol)
            && c.TickSize > 0 && c.LotSize > 0
            && c.MinQuantity >= c.LotSize && c.MaxQuantity >= c.MinQuantity
            && c.MinQuantity % c.LotSize == 0 && c.MaxQuantity % c.LotSize == 0
            && c.Price >= 0 && c.Price % c.TickSize == 0 && c.CollarBasisPoints >= 0;
        var currency = c.Currency.IsEmpty ? Currency.Default : c.Currency;
        int currencyIndex = valid ? CurrencyIndex(currency, add: true) : -1;
        if (currencyIndex < 0)
        {
            Reject(in c, RejectReason.InvalidInstrument);
            return;
        }
        var instrument = new Instrument(_instruments.Count, c.Symbol, c.TickSize, c.LotSize, c.MinQuantity,
            c.MaxQuantity, c.Price, c.CollarBasisPoints) { SettlementCurrency = currency };
        _instrumentBySymbol.Add(c.Symbol, instrument.Id);
        _instruments.Add(instrument);
        var book = new OrderBook(instrument, _levels);
        book.Risk.CurrencyIndex = currencyIndex;
        AddBook(book);
        for (int slot = 1; slot < _accountCount; slot++)
        {
            _ledgers[slot]?.EnsureInstruments(_instruments.Count);
        }
        ref var e = ref NewEvent(EventType.InstrumentAdded);
        e.Symbol = c.Symbol;
        e.Price = c.Price;
    }

    /// <summary>Adds the book of the instrument declared last.</summary>
    private void AddBook(OrderBook book)
    {
        _books.Add(book);
        if (_bookSides.Length < 2 * _books.Count)
        {
            Array.Resize(ref _bookSides, 2 * _bookSides.Length);
        }
        _bookSides[2 * book.Instrument.Id] = book.Bids;
        _bookSides[(2 * book.Instrument.Id) + 1] = book.Asks;
    }

    /// <summary>Operator status change of one instrument, or of every instrument (market-wide) if Symbol is empty.
    /// Paused is set only by circuit breakers; setting any status ends a pause.</summary>
    private void SetStatus(in Command c)
    {
        int id = -1;
        if (!c.Symbol.IsEmpty && !_instrumentBySymbol.TryGetValue(c.Symbol, out id))
        {
            Reject(in c, RejectReason.UnknownSymbol);
            return;
        }
        if (c.Status is not (TradingStatus.Open or TradingStatus.Halted or TradingStatus.Closed))
        {
            Reject(in c, RejectReason.InvalidOrder);
            return;
        }
        if (id >= 0)
        {
            SetInstrumentStatus(_books[id], c.Status, AlertKind.Operator);
            _touched = _books[id];
            return;
        }
        foreach (var book in _books)
        {
            SetInstrumentStatus(book, c.Status, AlertKind.Operator);
        }
        _touchAll = true;
    }
}
