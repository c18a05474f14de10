using BenchmarkDotNet.Attributes;
using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Matching;

namespace Exchange.Benchmarks;

/// <summary>Aggressive IOC orders through <see cref="MatchingEngine.Process"/>, each against its own
/// instrument on a ~1,000-order book, keeping the book in a steady state.</summary>
[MemoryDiagnoser]
public class MatchingBenchmarks
{
    private const int SweptLevels = 5;
    private static readonly Symbol One = Symbol.Parse("ONE");
    private static readonly Symbol Five = Symbol.Parse("FIVE");

    private MatchingEngine _engine = null!;
    private Command _iocOneLevel;
    private Command _iocFiveLevels;
    private readonly Command[] _replenish = new Command[SweptLevels];

    [GlobalSetup]
    public void Setup()
    {
        _engine = BenchmarkBook.Create(One, Five);

        // ONE: a huge maker at 100.01 absorbs 1-lot IOC buys: one trade per call, the book never changes shape.
        _engine.Process(BenchmarkBook.Limit(One, 1, Side.Sell, BenchmarkBook.Mid + BenchmarkBook.Tick, 1_000_000_000_000, TimeInForce.Gtc));
        _iocOneLevel = BenchmarkBook.Limit(One, 2, Side.Buy, BenchmarkBook.Mid + BenchmarkBook.Tick, 1, TimeInForce.Ioc);

        // FIVE: 1-lot asks at 100.01 … 100.05; a 5-lot IOC buy takes all five levels, then they are put back.
        for (int i = 0; i < SweptLevels; i++)
        {
            _replenish[i] = BenchmarkBook.Limit(Five, 10 + i, Side.Sell, BenchmarkBook.Mid + (i + 1) * BenchmarkBook.Tick, 1, TimeInForce.Gtc);
            _engine.Process(in _replenish[i]);
        }
        _iocFiveLevels = BenchmarkBook.Limit(Five, 2, Side.Buy, BenchmarkBook.Mid + SweptLevels * BenchmarkBook.Tick, SweptLevels, TimeInForce.Ioc);
    }

    [Benchmark(Description = "IOC taking 1 level (1 trade)")]
    public int IocTakingOneLevel() => _engine.Process(in _iocOneLevel).Length;

    [Benchmark(Description = "IOC sweeping 5 levels (5 trades) + 5 adds restoring them")]
    public int IocSweepingFiveLevelsThenReplenish()
    {
        int events = _engine.Process(in _iocFiveLevels).Length;
        for (int i = 0; i < SweptLevels; i++)
        {
            events += _engine.Process(in _replenish[i]).Length;
        }
        return events;
    }
}
