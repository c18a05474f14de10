using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Exchange.Core.Events;
using Exchange.MarketData.Views;

namespace Exchange.MarketData.Service;

/// <summary>The market-data thread: takes engine events from a bounded queue (filled by the pipeline's responder
/// threads, which never wait), applies them to the <see cref="MarketDataViews"/> and hands the changes to the
/// publishers. Everything that reads the views (subscriptions, REST queries, snapshots) runs on this thread through
/// <see cref="Invoke"/>/<see cref="QueryAsync"/>.</summary>
/// <remarks>Full queue: <see cref="TryPost"/> drops the event and counts it (<see cref="Dropped"/>); the next event of
/// that shard then arrives with a sequence gap, which marks the shard's views stale (<see cref="MarketDataViews.IsStale"/>,
/// reported on the status channel and by REST). The exchange is never slowed by market data; a stale shard's views
/// are right again only after a restart (documented in docs/market-data.md).</remarks>
public sealed class MarketDataService : IDisposable
{
    private const int BatchLimit = 4096;
    private static readonly long TimerTicks = Stopwatch.Frequency / 100;

    private readonly Channel<MarketDataInput> _input;
    private readonly ConcurrentQueue<Action<MarketDataViews>> _work = new();
    private readonly List<IMarketDataPublisher> _publishers = [];
    private readonly CompositeObserver _observers = new();
    private readonly List<IEngineEventObserver> _eventObservers = [];
    private readonly Thread _thread;
    private readonly CancellationTokenSource _stop = new();
    // The idle market-data thread sleeps on this instead of the channel's WaitToReadAsync, which allocates an operation
    // (and a task to wait on it) per wait — thousands a second under load. 1 in _sleeping: the thread may be asleep.
    private readonly ManualResetEventSlim _wake = new(false, 0);
    private int _sleeping;
    private long _dropped;
    private long _applied;
    private long _lastTimer;
    private bool _started;

    public MarketDataService(int queueCapacity = 1 << 18, int tapeCapacity = 1000, int barCapacity = 3600,
        IReadOnlyDictionary<Exchange.Core.Domain.Symbol, (long TickSize, long LotSize)>? instrumentRules = null)
    {
        _input = System.Threading.Channels.Channel.CreateBounded<MarketDataInput>(new BoundedChannelOptions(queueCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite fails instead of waiting
        });
        Views = new MarketDataViews(_observers, tapeCapacity, barCapacity, instrumentRules);
        _thread = new Thread(Run) { IsBackground = true, Name = "market-data" };
    }

    /// <summary>Owned by the market-data thread: touch only from <see cref="Invoke"/>, <see cref="QueryAsync"/> or a publisher.</summary>
    public MarketDataViews Views { get; }

    /// <summary>Events dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Events applied so far.</summary>
    public long Applied => Interlocked.Read(ref _applied);

    /// <summary>Adds a publisher (before <see cref="Start"/>); if it also observes single changes, it is told of each.</summary>
    public void AddPublisher(IMarketDataPublisher publisher)
    {
        _publishers.Add(publisher);
        if (publisher is IMarketDataObserver observer)
        {
            _observers.Observers.Add(observer);
        }
        if (publisher is IEngineEventObserver eventObserver)
        {
            _eventObservers.Add(eventObserver);
        }
    }

    public void Start()
    {
        _started = true;
        _thread.Start();
    }

    /// <summary>Queues a shard's start state; called before that shard's pipeline starts (waits for room).</summary>
    public void PostSeed(ShardSeed seed)
    {
        var item = new MarketDataInput(seed);
        while (!_input.Writer.TryWrite(item))
        {
            Thread.Sleep(1);
        }
        WakeIfAsleep();
    }

    /// <summary>Queues one engine event; never waits. False (and counted) when the queue is full.</summary>
    public bool TryPost(int shard, in EngineEvent e, bool lastOfCommand)
    {
        if (_input.Writer.TryWrite(new MarketDataInput(shard, in e, lastOfCommand)))
        {
            WakeIfAsleep();
            return true;
        }
        Interlocked.Increment(ref _dropped);
        return false;
    }

    /// <summary>Waits until everything queued so far is applied and published; false on timeout.</summary>
    public bool WaitUntilIdle(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (_input.Reader.Count > 0)
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }
            Thread.Sleep(1);
        }
        // Publishers may hold changes back (a publication interval): published means published now, so that the
        // sequence numbers read next describe every applied change.
        return QueryAsync(views =>
        {
            foreach (var publisher in _publishers)
            {
                try
                {
                    publisher.Flush(views);
                }
                catch (Exception e)
                {
                    Fault(e);
                }
            }
            return true;
        }).Wait(timeout - clock.Elapsed < TimeSpan.Zero ? TimeSpan.Zero : timeout - clock.Elapsed);
    }

    /// <summary>Runs <paramref name="action"/> on the market-data thread, between batches.</summary>
    public void Invoke(Action<MarketDataViews> action)
    {
        _work.Enqueue(action);
        WakeIfAsleep();
    }

    // The full fence orders this thread's write to a queue (events or work) before its read of _sleeping, as the sleeper
    // orders its write of _sleeping before its look at both queues: one of the two sees the other (no lost wake-up).
    private void WakeIfAsleep()
    {
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _sleeping) != 0)
        {
            _wake.Set();
        }
    }

    /// <summary>Runs <paramref name="query"/> on the market-data thread and returns its result.</summary>
    public Task<T> QueryAsync<T>(Func<MarketDataViews, T> query)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Invoke(views =>
        {
            try
            {
                result.SetResult(query(views));
            }
            catch (Exception e)
            {
                result.SetException(e);
            }
        });
        if (!_started)
        {
            result.TrySetException(new InvalidOperationException("The market-data service is not running."));
        }
        return result.Task;
    }

    /// <summary>Runs <paramref name="query"/> on the market-data thread on the published state of one instrument (null
    /// if <paramref name="symbol"/> is unknown): its pending changes are published first — after the current command if
    /// its shard is inside one — so an answer carrying a channel's sequence number includes exactly the updates up to
    /// that number (a publisher holding changes for a publication interval would otherwise have the answer include
    /// changes that a later update with a higher number delivers again).</summary>
    public Task<T> QueryPublishedAsync<T>(string symbol, Func<MarketDataViews, InstrumentView?, T> query)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Answer(MarketDataViews views)
        {
            try
            {
                if (!views.TryGet(symbol, out var view))
                {
                    result.SetResult(query(views, null));
                    return;
                }
                if (view.HasPendingChanges)
                {
                    if (views.IsMidCommand(view.Shard))
                    {
                        Invoke(Answer); // after the next batch: the command's end is on its way
                        return;
                    }
                    foreach (var publisher in _publishers)
                    {
                        try
                        {
                            publisher.FlushInstrument(views, view);
                        }
                        catch (Exception e)
                        {
                            Fault(e);
                        }
                    }
                }
                result.SetResult(query(views, view));
            }
            catch (Exception e)
            {
                result.TrySetException(e);
            }
        }
        Invoke(Answer);
        if (!_started)
        {
            result.TrySetException(new InvalidOperationException("The market-data service is not running."));
        }
        return result.Task;
    }

    private void Run()
    {
        var reader = _input.Reader;
        while (!_stop.IsCancellationRequested)
        {
            int n = 0;
            while (n < BatchLimit && reader.TryRead(out var item))
            {
                try
                {
                    Apply(in item);
                }
                catch (Exception e)
                {
                    // A bug must not stop market data for every instrument: counted and reported, the thread goes on.
                    Fault(e);
                }
                n++;
            }
            if (n > 0)
            {
                Interlocked.Add(ref _applied, n);
                foreach (var publisher in _publishers)
                {
                    try
                    {
                        publisher.Publish(Views);
                    }
                    catch (Exception e)
                    {
                        Fault(e);
                    }
                }
            }
            // Only the work queued so far: an action may queue itself again to run after the next batch.
            for (int pending = _work.Count; pending > 0 && _work.TryDequeue(out var action); pending--)
            {
                try
                {
                    action(Views);
                }
                catch (Exception e)
                {
                    Fault(e);
                }
            }
            long now = Stopwatch.GetTimestamp();
            if (now - _lastTimer >= TimerTicks || n > 0)
            {
                _lastTimer = now;
                foreach (var publisher in _publishers)
                {
                    publisher.OnTimer(now);
                }
            }
            if (n == 0)
            {
                _wake.Reset();
                Interlocked.Exchange(ref _sleeping, 1);
                try
                {
                    if (!reader.TryPeek(out _) && _work.IsEmpty)
                    {
                        _wake.Wait(10, _stop.Token); // the timeout also runs the publishers' timers
                    }
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                finally
                {
                    Volatile.Write(ref _sleeping, 0);
                }
            }
        }
        while (_work.TryDequeue(out var action))
        {
            action(Views);
        }
        foreach (var publisher in _publishers)
        {
            publisher.OnStop();
        }
    }

    /// <summary>Exceptions caught on the market-data thread (0 unless there is a bug); the last one is kept.</summary>
    public long Faults => Interlocked.Read(ref _faults);

    public Exception? LastFault { get; private set; }

    private long _faults;

    private void Fault(Exception e)
    {
        LastFault = e;
        Interlocked.Increment(ref _faults);
        Console.Error.WriteLine($"market data: {e}");
    }

    private void Apply(in MarketDataInput item)
    {
        if (item.Seed is { } seed)
        {
            Views.Seed(seed);
            foreach (var observer in _eventObservers)
            {
                observer.OnSeed(Views, seed);
            }
        }
        else
        {
            Views.Apply(item.Shard, in item.Event, item.LastOfCommand);
            foreach (var observer in _eventObservers)
            {
                observer.OnEngineEvent(Views, item.Shard, in item.Event);
            }
        }
    }

    /// <summary>Applies what is queued, publishes, and stops the thread (publishers send their last messages).</summary>
    public void Dispose()
    {
        if (_started && !_stop.IsCancellationRequested)
        {
            // Let the queue drain first: everything posted before stopping is published.
            var deadline = Stopwatch.StartNew();
            while (_input.Reader.Count > 0 && deadline.Elapsed < TimeSpan.FromSeconds(5))
            {
                Thread.Sleep(5);
            }
            var drained = new ManualResetEventSlim();
            Invoke(_ => drained.Set());
            drained.Wait(TimeSpan.FromSeconds(5));
            _stop.Cancel();
            _thread.Join();
        }
        _stop.Dispose();
        _wake.Dispose();
    }

    private sealed class CompositeObserver : IMarketDataObserver
    {
        public List<IMarketDataObserver> Observers { get; } = [];

        public void OnInstrument(InstrumentView view, long timestamp)
        {
            foreach (var o in Observers)
            {
                o.OnInstrument(view, timestamp);
            }
        }

        public void OnStatus(InstrumentView view, long timestamp)
        {
            foreach (var o in Observers)
            {
                o.OnStatus(view, timestamp);
            }
        }

        public void OnBookUpdate(InstrumentView view, in BookUpdate update, long timestamp)
        {
            foreach (var o in Observers)
            {
                o.OnBookUpdate(view, in update, timestamp);
            }
        }

        public void OnTrade(InstrumentView view, in TradePrint trade)
        {
            foreach (var o in Observers)
            {
                o.OnTrade(view, in trade);
            }
        }
    }
}
