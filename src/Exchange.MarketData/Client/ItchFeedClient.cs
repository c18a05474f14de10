using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Exchange.MarketData.Books;
using Exchange.MarketData.Itch;
using Exchange.MarketData.Mold;

namespace Exchange.MarketData.Client;

/// <summary>Rebuilds the book from the ITCH-over-MoldUDP64 feed: optionally starts from the TCP snapshot, then applies
/// the live packets strictly in sequence. A packet that starts past the next expected message (or a heartbeat that
/// announces a later sequence) is a gap: the packet is kept, the missing range is re-requested (again after
/// <see cref="FeedClientOptions.RequestTimeout"/> while it stays open), and kept packets are applied once the gap is
/// filled. Duplicates are ignored. Runs a receive thread; read the book through <see cref="Read"/>.</summary>
public sealed class ItchFeedClient : IDisposable
{
    private readonly FeedClientOptions _options;
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly ItchOrderBook _book = new();
    private readonly SortedDictionary<ulong, byte[]> _early = [];
    private readonly Lock _lock = new();
    private readonly Thread _thread;
    private MoldSession? _session;
    private ulong _next = 1;
    private bool _ready;
    private long _lastRequest;
    private ulong _requestedAt;
    private volatile bool _stopped;

    public ItchFeedClient(FeedClientOptions options)
    {
        _options = options;
        _socket.ReceiveBufferSize = 8 << 20;
        _socket.Bind(options.FeedEndpoint);
        LocalEndpoint = (IPEndPoint)_socket.LocalEndPoint!;
        _socket.ReceiveTimeout = 50;
        _thread = new Thread(Run) { IsBackground = true, Name = "itch-feed-client" };
    }

    public IPEndPoint LocalEndpoint { get; }

    /// <summary>Called on the receive thread with every message applied, after the book has applied it (benchmarks).</summary>
    public ItchMessageObserver? OnMessage { get; set; }

    /// <summary>The next sequence number the client needs: everything before it is applied.</summary>
    public ulong NextSequence
    {
        get
        {
            lock (_lock)
            {
                return _next;
            }
        }
    }

    public bool EndOfSession { get; private set; }

    /// <summary>Times the client found a gap (a packet or heartbeat past the next expected message).</summary>
    public long GapsDetected { get; private set; }

    public long RequestsSent { get; private set; }

    public long MessagesApplied { get; private set; }

    /// <summary>Datagrams thrown away by <see cref="FeedClientOptions.DropIncoming"/>.</summary>
    public long Dropped { get; private set; }

    /// <summary>Starts receiving, loads the snapshot (if configured) and applies what arrived meanwhile.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        _thread.Start();
        if (_options.SnapshotEndpoint is { } endpoint)
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
            var data = new MemoryStream();
            await tcp.GetStream().CopyToAsync(data, cancellationToken).ConfigureAwait(false);
            LoadSnapshot(data.GetBuffer().AsSpan(0, (int)data.Length));
        }
        else
        {
            lock (_lock)
            {
                _ready = true;
                DrainEarly();
            }
        }
    }

    /// <summary>Reads the book under the client's lock.</summary>
    public T Read<T>(Func<ItchOrderBook, T> read)
    {
        lock (_lock)
        {
            return read(_book);
        }
    }

    /// <summary>Waits until every message before <paramref name="sequence"/> is applied.</summary>
    public bool WaitFor(ulong sequence, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (NextSequence < sequence)
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }
            Thread.Sleep(5);
        }
        return true;
    }

    private void LoadSnapshot(ReadOnlySpan<byte> data)
    {
        var session = MoldSession.Read(data);
        ulong next = BinaryPrimitives.ReadUInt64BigEndian(data[10..]);
        uint count = BinaryPrimitives.ReadUInt32BigEndian(data[18..]);
        int at = 22;
        lock (_lock)
        {
            _session = session;
            var handler = _book;
            for (uint i = 0; i < count; i++)
            {
                int length = BinaryPrimitives.ReadUInt16BigEndian(data[at..]);
                ItchDispatcher.Dispatch(data.Slice(at + 2, length), ref handler);
                at += 2 + length;
            }
            _next = next;
            _ready = true;
            // Packets that arrived during the snapshot: apply what follows it, drop what it already holds.
            foreach (var key in _early.Keys.ToList())
            {
                if (key + CountOf(_early[key]) <= _next)
                {
                    _early.Remove(key);
                }
            }
            DrainEarly();
        }
    }

    private void Run()
    {
        var buffer = new byte[65536];
        while (!_stopped)
        {
            int n;
            try
            {
                n = _socket.Receive(buffer);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
            {
                lock (_lock)
                {
                    RetryRequest();
                }
                continue;
            }
            catch (Exception) when (_stopped)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }
            if (_options.DropIncoming?.Invoke() == true)
            {
                Dropped++;
                continue;
            }
            lock (_lock)
            {
                OnPacket(buffer.AsSpan(0, n));
                RetryRequest();
            }
        }
    }

    private void OnPacket(ReadOnlySpan<byte> packet)
    {
        if (!MoldPacketHeader.TryRead(packet, out var header))
        {
            return;
        }
        _session ??= header.Session;
        if (header.Session != _session)
        {
            return;
        }
        if (!_ready)
        {
            if (header.MessageCount is not (MoldPacketHeader.HeartbeatCount or MoldPacketHeader.EndOfSessionCount))
            {
                _early[header.SequenceNumber] = packet.ToArray();
            }
            return;
        }
        if (header.IsHeartbeat || header.IsEndOfSession)
        {
            if (header.SequenceNumber > _next)
            {
                Gap(header.SequenceNumber);
            }
            else if (header.IsEndOfSession)
            {
                EndOfSession = true;
            }
            return;
        }
        if (header.SequenceNumber > _next)
        {
            _early.TryAdd(header.SequenceNumber, packet.ToArray());
            Gap(header.SequenceNumber);
            return;
        }
        Apply(packet);
        DrainEarly();
    }

    /// <summary>Applies the messages of a packet from <see cref="_next"/> on (earlier ones are duplicates).</summary>
    private void Apply(ReadOnlySpan<byte> packet)
    {
        if (!MoldPacketReader.TryCreate(packet, out var reader))
        {
            return;
        }
        var handler = _book;
        while (reader.Read(out var message, out ulong sequence) == MoldReadStatus.Message)
        {
            if (sequence < _next)
            {
                continue;
            }
            if (sequence > _next)
            {
                return;
            }
            ItchDispatcher.Dispatch(message, ref handler);
            OnMessage?.Invoke(message, sequence);
            _next++;
            MessagesApplied++;
        }
    }

    private void DrainEarly()
    {
        while (_early.Count > 0)
        {
            var (first, packet) = _early.First();
            if (first > _next)
            {
                Gap(first);
                return;
            }
            _early.Remove(first);
            Apply(packet);
        }
    }

    private static ulong CountOf(byte[] packet) =>
        MoldPacketHeader.TryRead(packet, out var h) && !h.IsEndOfSession ? h.MessageCount : 0UL;

    private void Gap(ulong upTo)
    {
        if (_requestedAt != _next)
        {
            GapsDetected++;
        }
        Request(upTo);
    }

    private void Request(ulong upTo)
    {
        if (_requestedAt == _next && Stopwatch.GetElapsedTime(_lastRequest) < _options.RequestTimeout)
        {
            return;
        }
        ulong count = Math.Min(upTo - _next, MoldPacketHeader.EndOfSessionCount - 1);
        if (count == 0 || _session is not { } session)
        {
            return;
        }
        var request = new byte[MoldRequest.Size];
        new MoldRequest(session, _next, (ushort)count).Write(request);
        try
        {
            _socket.SendTo(request, _options.RequestEndpoint);
            RequestsSent++;
        }
        catch (SocketException)
        {
            // Retried after the timeout.
        }
        _requestedAt = _next;
        _lastRequest = Stopwatch.GetTimestamp();
    }

    /// <summary>A gap that stays open (its request or answer lost) is asked for again.</summary>
    private void RetryRequest()
    {
        if (_ready && _early.Count > 0)
        {
            ulong first = _early.Keys.First();
            if (first > _next)
            {
                Request(first);
            }
        }
    }

    public void Dispose()
    {
        _stopped = true;
        _socket.Dispose();
        if (_thread.IsAlive)
        {
            _thread.Join(TimeSpan.FromSeconds(2));
        }
    }
}
