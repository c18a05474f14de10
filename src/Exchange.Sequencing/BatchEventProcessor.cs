namespace Exchange.Sequencing;

/// <summary>Runs one consumer: waits on its barrier, hands every available slot to the handler in order (a batch
/// at a time), then advances its own <see cref="Sequence"/> so producers and downstream consumers see progress.</summary>
public sealed class BatchEventProcessor<T, THandler>
    where T : struct
    where THandler : IEventHandler<T>
{
    private readonly RingBuffer<T> _ring;
    private readonly SequenceBarrier _barrier;
    private THandler _handler;
    /// <summary>The handler, if it is a class implementing <see cref="IBatchStartAware"/> (a struct's interface
    /// copy would be a different handler).</summary>
    private readonly IBatchStartAware? _batchStart;
    private volatile bool _running;

    public BatchEventProcessor(RingBuffer<T> ring, SequenceBarrier barrier, THandler handler)
    {
        _ring = ring;
        _barrier = barrier;
        _handler = handler;
        _batchStart = typeof(THandler).IsValueType ? null : handler as IBatchStartAware;
    }

    /// <summary>The last sequence this consumer has finished with.</summary>
    public Sequence Sequence { get; } = new();

    public bool IsRunning => _running;

    /// <summary>The exception that stopped the loop, if the handler threw. No slot of the failed batch is
    /// marked done, so nothing downstream treats it as processed.</summary>
    public Exception? Fault { get; private set; }

    /// <summary>Starts the loop on a new dedicated thread.</summary>
    public Thread Start(string threadName)
    {
        // The processor is armed here, on the caller's thread, not when the new thread first runs: a Halt that comes
        // before the thread is scheduled (a pipeline stopped right after it started) must stop it, not be undone.
        Arm();
        var thread = new Thread(Loop) { Name = threadName, IsBackground = true };
        thread.Start();
        return thread;
    }

    /// <summary>Stops the loop after the current batch; after <see cref="Start"/> has returned, also if the thread has not begun.</summary>
    public void Halt()
    {
        _running = false;
        _barrier.Alert();
    }

    /// <summary>The consumer loop, on the calling thread, until <see cref="Halt"/>.</summary>
    public void Run()
    {
        Arm();
        Loop();
    }

    private void Arm()
    {
        _barrier.ClearAlert();
        _running = true;
    }

    private void Loop()
    {
        long next = Sequence.Value + 1;
        while (_running)
        {
            long available;
            try
            {
                available = _barrier.WaitFor(next);
            }
            catch (AlertException)
            {
                break;
            }
            try
            {
                _batchStart?.OnBatchStart(available);
                while (next <= available)
                {
                    _handler.OnEvent(ref _ring[next], next, next == available);
                    next++;
                }
            }
            catch (Exception e)
            {
                // Fail-stop: a consumer that cannot process a slot (e.g. the journal's disk failed) must not
                // pretend it did. Nothing of the failed batch is reported as done: a handler may complete a batch's
                // work only at its end (the journal's group commit), so earlier slots are not done either.
                Fault = e;
                _running = false;
                break;
            }
            Sequence.SetValue(available);
        }
    }
}
