using Exchange.Core.Domain;

namespace Exchange.Server.Bench;

/// <summary>exchange-core's benchmark order flow for one instrument (written afresh, same idea): new GTC limit
/// orders around the last trade price while a side has fewer orders than its target, otherwise IOC orders
/// that take liquidity; cancels; and, mostly, replaces that move an order's price one step towards the last
/// trade price (at least one tick), which keeps the book compact and makes orders cross and trade.
/// The resulting steady-state mix is about 9% GTC, 3% IOC, 6% cancel, 82% replace (reported per run).</summary>
internal sealed class StandardOrderFlow
{
    // Fraction of the distance to the last trade price a replace moves an order (exchange-core uses the same).
    private const double MoveTowardsLastTrade = 0.01;

    private readonly Symbol _symbol;
    private readonly StandardFlowShape _shape;
    private readonly Instrument _instrument;
    private int _priceDirection;

    /// <summary>Declares the instrument on the recorder's engine.</summary>
    public StandardOrderFlow(Symbol symbol, StandardFlowShape shape, CommandStreamRecorder recorder)
    {
        _symbol = symbol;
        _shape = shape;
        recorder.Submit(WorkloadCommands.AddInstrument(symbol, shape.CenterTicks, collarBasisPoints: 0), CommandKind.Instrument, null);
        if (!recorder.Engine.TryGetInstrument(symbol, out var instrument))
        {
            throw new InvalidOperationException($"Instrument {symbol} was not added.");
        }
        _instrument = instrument;
    }

    /// <summary>The orders this flow placed and may cancel or move.</summary>
    public LiveOrderSet Orders { get; } = new();

    /// <summary>Initial fill: GTC orders only, on whichever side is short, until both sides hold their target.
    /// Much faster than letting the steady-state flow grow the book, which matters with many instruments.</summary>
    public void Fill(Random random, CommandStreamRecorder recorder)
    {
        while (Orders.BuyCount < _shape.TargetOrdersPerSide || Orders.SellCount < _shape.TargetOrdersPerSide)
        {
            var side = Orders.BuyCount < _shape.TargetOrdersPerSide ? Side.Buy : Side.Sell;
            PlaceGtc(random, recorder, side, LastTradeTicks());
        }
    }

    /// <summary>Generates and submits the next command of this instrument.</summary>
    public void Next(Random random, CommandStreamRecorder recorder)
    {
        long last = LastTradeTicks();
        var side = random.Next(4) + _priceDirection >= 2 ? Side.Buy : Side.Sell;
        int lack = _shape.TargetOrdersPerSide - Orders.CountOf(side);
        bool grow = lack > 0;
        bool fastFill = lack > _shape.TargetOrdersPerSide * 3 / 4;
        int choice = random.Next(grow ? (fastFill ? 2 : 10) : 40);

        if (choice < 2 || Orders.Count == 0)
        {
            if (grow)
            {
                PlaceGtc(random, recorder, side, last);
            }
            else
            {
                PlaceIoc(random, recorder, side);
            }
            return;
        }

        var order = Orders.PickRandom(random);
        if (choice == 2)
        {
            recorder.Submit(WorkloadCommands.Cancel(order), CommandKind.Cancel, null);
        }
        else
        {
            Move(random, recorder, order, last);
        }
    }

    private long LastTradeTicks()
    {
        long last = _instrument.LastTradePrice / WorkloadCommands.TickUnits;
        if (last == 0)
        {
            return _shape.CenterTicks;
        }
        // Keep the price inside its band by leaning the buy/sell balance against the drift.
        if (last <= _shape.MinTicks)
        {
            _priceDirection = 1;
        }
        else if (last >= _shape.MaxTicks)
        {
            _priceDirection = -1;
        }
        return Math.Clamp(last, _shape.MinTicks, _shape.MaxTicks);
    }

    private void PlaceGtc(Random random, CommandStreamRecorder recorder, Side side, long last)
    {
        // Distance from the last trade: a squared uniform picks a spread, the mean of four uniforms within it
        // concentrates orders near the touch with a long tail (hundreds of levels).
        int deviation = 1 + (int)(Math.Pow(random.NextDouble(), 2) * _shape.PriceDeviationTicks);
        long offset = 0;
        for (int i = 0; i < 4; i++)
        {
            offset += random.Next(deviation);
        }
        offset = Math.Abs(offset / 4 * 2 - deviation);
        long price = side == Side.Buy ? last - offset : last + offset;
        price = Math.Max(price, 1);
        var command = WorkloadCommands.Limit(_symbol, RandomAccount(random), recorder.NextClientId(), side, price,
            RandomSize(random), TimeInForce.Gtc);
        recorder.Submit(command, CommandKind.Gtc, Orders);
    }

    private void PlaceIoc(Random random, CommandStreamRecorder recorder, Side side)
    {
        long price = side == Side.Buy ? _shape.MaxTicks : _shape.MinTicks;
        var command = WorkloadCommands.Limit(_symbol, RandomAccount(random), recorder.NextClientId(), side, price,
            RandomSize(random), TimeInForce.Ioc);
        // Not tracked: an IOC order is gone by the end of its own command.
        recorder.Submit(command, CommandKind.Ioc, null);
    }

    private static void Move(Random random, CommandStreamRecorder recorder, TrackedOrder order, long last)
    {
        long previous = order.PriceTicks;
        double move = (last - previous) * MoveTowardsLastTrade;
        long step = previous > last ? (long)Math.Floor(move)
            : previous < last ? (long)Math.Ceiling(move)
            : random.Next(2) * 2 - 1;
        long price = Math.Max(previous + step, 1);
        if (price == previous)
        {
            price++;
        }
        recorder.Submit(WorkloadCommands.MovePrice(order, recorder.NextClientId(), price), CommandKind.Replace, null);
    }

    private long RandomAccount(Random random) => 1 + random.Next(_shape.Accounts);

    // 1 to 126 lots, most of them small.
    private static long RandomSize(Random random) => 1 + random.Next(6) * random.Next(6) * random.Next(6);
}
