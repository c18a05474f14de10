namespace Exchange.Api.WebSockets;

/// <summary>A small fixed set of threads that write the connections' queued frames: a connection with something to send
/// is put on one thread's ready queue once (<see cref="ClientConnection"/> keeps a scheduled flag), and that thread
/// writes one batch of its frames, coalesced into one socket write. Replaces a send loop (an async state machine and a
/// wake-up task) per connection: with 10,000 subscribers the work per publication is 10,000 short visits on a few
/// threads instead of 10,000 thread-pool continuations competing with the market-data thread.</summary>
/// <remarks>A write that does not complete at once (the client's socket buffer is full) continues on the thread pool
/// without holding the sender thread; the connection is not scheduled again until it has finished.</remarks>
internal sealed class SenderPool
{
    /// <summary>The process-wide pool (threads start on first use and live as long as the process).</summary>
    public static SenderPool Shared { get; } = new(Math.Clamp(Environment.ProcessorCount, 1, 4));

    private readonly SenderThread[] _threads;

    public SenderPool(int threads)
    {
        _threads = [.. Enumerable.Range(0, threads).Select(i => new SenderThread($"ws-sender-{i}"))];
    }

    /// <summary>Queues <paramref name="connection"/> for a visit; the caller guarantees it is not queued already.</summary>
    public void Schedule(ClientConnection connection) => _threads[(int)(connection.Id % _threads.Length)].Schedule(connection);

    private sealed class SenderThread
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<ClientConnection> _ready = new();
        private readonly SemaphoreSlim _signal = new(0);
        private int _sleeping;

        public SenderThread(string name)
        {
            new Thread(Run) { IsBackground = true, Name = name }.Start();
        }

        public void Schedule(ClientConnection connection)
        {
            _ready.Enqueue(connection);
            // One release per sleep: whoever turns _sleeping from 1 to 0 owns the wake-up.
            if (Volatile.Read(ref _sleeping) == 1 && Interlocked.Exchange(ref _sleeping, 0) == 1)
            {
                _signal.Release();
            }
        }

        private void Run()
        {
            while (true)
            {
                while (_ready.TryDequeue(out var connection))
                {
                    connection.SendPending();
                }
                Interlocked.Exchange(ref _sleeping, 1);
                if (!_ready.IsEmpty && Interlocked.Exchange(ref _sleeping, 0) == 1)
                {
                    continue; // work arrived before anyone saw us asleep
                }
                _signal.Wait();
            }
        }
    }
}
