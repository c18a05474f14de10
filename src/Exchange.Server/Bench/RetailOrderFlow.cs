using Exchange.Core.Commands;
using Exchange.Core.Domain;

namespace Exchange.Server.Bench;

/// <summary>Retail order flow for one instrument: new orders are 70% GTC limit (nine in ten passive within
/// 0.50 of the last trade price, skewed to the touch; one in ten marketable by up to 5 ticks) and 30% market
/// (IOC, 5% collar); cancels of random live orders keep the book near its target (10% of commands, 45% while the
/// book is at or above target).</summary>
internal sealed class RetailOrderFlow
{
    public const long CenterTicks = 10_000;
    private const int Accounts = 10_000;
    private const int CollarBasisPoints = 500;
    private const int MaxPassiveOffsetTicks = 50;

    private readonly Symbol _symbol;
    private readonly Instrument _instrument;
    private readonly int _targetOrders;

    /// <summary>Declares the instrument on the recorder's engine.</summary>
    public RetailOrderFlow(Symbol symbol, int targetOrders, CommandStreamRecorder recorder)
    {
        _symbol = symbol;
        _targetOrders = targetOrders;
        recorder.Submit(WorkloadCommands.AddInstrument(symbol, CenterTicks, CollarBasisPoints), CommandKind.Instrument, null);
        if (!recorder.Engine.TryGetInstrument(symbol, out var instrument))
        {
            throw new InvalidOperationException($"Instrument {symbol} was not added.");
        }
        _instrument = instrument;
    }

    public LiveOrderSet Orders { get; } = new();

    /// <summary>Places passive orders until the book holds its target.</summary>
    public void Fill(Random random, CommandStreamRecorder recorder)
    {
        while (Orders.Count < _targetOrders)
        {
            recorder.Submit(NewLimit(random, recorder, passive: true), CommandKind.Gtc, Orders);
        }
    }

    public void Next(Random random, CommandStreamRecorder recorder)
    {
        int cancelPercent = Orders.Count >= _targetOrders ? 45 : 10;
        if (Orders.Count > 0 && random.Next(100) < cancelPercent)
        {
            recorder.Submit(WorkloadCommands.Cancel(Orders.PickRandom(random)), CommandKind.Cancel, null);
        }
        else if (random.Next(10) < 7)
        {
            recorder.Submit(NewLimit(random, recorder, passive: random.Next(10) != 0), CommandKind.Gtc, Orders);
        }
        else
        {
            var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
            var command = WorkloadCommands.Market(_symbol, RandomAccount(random), recorder.NextClientId(), side, 1 + random.Next(50));
            recorder.Submit(command, CommandKind.Market, null);
        }
    }

    private Command NewLimit(Random random, CommandStreamRecorder recorder, bool passive)
    {
        long last = _instrument.LastTradePrice / WorkloadCommands.TickUnits;
        long mid = last == 0 ? CenterTicks : Math.Clamp(last, CenterTicks / 2, CenterTicks * 3 / 2);
        var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
        long offset = passive
            ? 1 + random.Next(MaxPassiveOffsetTicks) * random.Next(MaxPassiveOffsetTicks) / MaxPassiveOffsetTicks
            : -(1 + random.Next(5));
        long price = side == Side.Buy ? mid - offset : mid + offset;
        long size = 1 + random.Next(10) * random.Next(10);
        return WorkloadCommands.Limit(_symbol, RandomAccount(random), recorder.NextClientId(), side, price, size, TimeInForce.Gtc);
    }

    private static long RandomAccount(Random random) => 1 + random.Next(Accounts);
}
