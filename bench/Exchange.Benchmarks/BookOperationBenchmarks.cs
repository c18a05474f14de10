using BenchmarkDotNet.Attributes;
using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Matching;

namespace Exchange.Benchmarks;

/// <summary>Passive book operations through <see cref="MatchingEngine.Process"/> on a ~1,000-order book. Every
/// benchmark leaves the book as it found it, so each invocation measures the same state: an add is paired with
/// the cancel that undoes it, a replace moves an order back and forth between two prices.</summary>
[MemoryDiagnoser]
public class BookOperationBenchmarks
{
    private static readonly Symbol Book = Symbol.Parse("BOOK");

    private MatchingEngine _engine = null!;
    private Command _addAtExistingLevel;
    private Command _cancelAtExistingLevel;
    private Command _addAtNewLevel;
    private Command _cancelAtNewLevel;
    private Command _moveAway;
    private Command _moveBack;
    private bool _movedAway;

    [GlobalSetup]
    public void Setup()
    {
        _engine = BenchmarkBook.Create(Book);
        long existing = BenchmarkBook.Mid - 5 * BenchmarkBook.Tick;
        // Two resting orders make 99.95 an existing level that never empties.
        _engine.Process(BenchmarkBook.Limit(Book, 1, Side.Buy, existing, 10, TimeInForce.Gtc));
        _engine.Process(BenchmarkBook.Limit(Book, 2, Side.Buy, existing, 10, TimeInForce.Gtc));
        _addAtExistingLevel = BenchmarkBook.Limit(Book, 10, Side.Buy, existing, 10, TimeInForce.Gtc);
        _cancelAtExistingLevel = BenchmarkBook.Cancel(Book, 10);

        // 99.97 is empty: the add creates the level, the cancel removes it.
        _addAtNewLevel = BenchmarkBook.Limit(Book, 11, Side.Buy, BenchmarkBook.Mid - 3 * BenchmarkBook.Tick, 10, TimeInForce.Gtc);
        _cancelAtNewLevel = BenchmarkBook.Cancel(Book, 11);

        // Order 20 moves between 99.95 (existing level) and 99.92 (another level kept alive by order 3).
        _engine.Process(BenchmarkBook.Limit(Book, 3, Side.Buy, BenchmarkBook.Mid - 8 * BenchmarkBook.Tick, 10, TimeInForce.Gtc));
        _engine.Process(BenchmarkBook.Limit(Book, 20, Side.Buy, existing, 10, TimeInForce.Gtc));
        _moveAway = BenchmarkBook.Replace(Book, 20, 21, BenchmarkBook.Mid - 8 * BenchmarkBook.Tick, 10);
        _moveBack = BenchmarkBook.Replace(Book, 21, 20, existing, 10);
    }

    [Benchmark(Description = "add at existing level + cancel")]
    public int AddAtExistingLevelThenCancel() =>
        _engine.Process(in _addAtExistingLevel).Length + _engine.Process(in _cancelAtExistingLevel).Length;

    [Benchmark(Description = "add at new level + cancel (level created and removed)")]
    public int AddAtNewLevelThenCancel() =>
        _engine.Process(in _addAtNewLevel).Length + _engine.Process(in _cancelAtNewLevel).Length;

    [Benchmark(Description = "replace moving the price (one Process call)")]
    public int ReplaceMovingPrice()
    {
        _movedAway = !_movedAway;
        return _movedAway ? _engine.Process(in _moveAway).Length : _engine.Process(in _moveBack).Length;
    }
}
