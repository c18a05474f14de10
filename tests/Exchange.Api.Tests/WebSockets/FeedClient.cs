using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using Exchange.Api.Messages;
using Exchange.Core.Domain;
using Exchange.MarketData.Views;

namespace Exchange.Api.Tests.WebSockets;

/// <summary>A test WebSocket client that applies what it receives the way docs/market-data.md tells clients to: a
/// snapshot replaces the channel's state, an update applies only if its sequence is the previous one + 1 (otherwise
/// it counts a gap). Keeps an L2 and an L3 book per symbol and the trades.</summary>
internal sealed class FeedClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private Task? _reading;

    public ConcurrentQueue<FeedMessage> Received { get; } = new();

    public Dictionary<(string, Channel), long> LastSequence { get; } = [];

    public Dictionary<string, SortedDictionary<long, PriceLevelView>[]> L2 { get; } = [];

    public Dictionary<string, PublicBook> L3 { get; } = [];

    public List<TradePrint> Trades { get; } = [];

    public int Gaps { get; private set; }

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseReason => _socket.CloseStatusDescription;

    public Exception? ReadError { get; private set; }

    public WebSocket Socket => _socket;

    public static async Task<FeedClient> ConnectAsync(Uri address, bool read = true, int? receiveBuffer = null)
    {
        var client = new FeedClient();
        if (receiveBuffer is { } size)
        {
            var handler = new SocketsHttpHandler
            {
                ConnectCallback = async (context, token) =>
                {
                    var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp)
                    {
                        ReceiveBufferSize = size,
                    };
                    await socket.ConnectAsync(context.DnsEndPoint, token);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                },
            };
            await client._socket.ConnectAsync(address, new HttpMessageInvoker(handler), CancellationToken.None);
        }
        else
        {
            await client._socket.ConnectAsync(address, CancellationToken.None);
        }
        if (read)
        {
            client.StartReading();
        }
        return client;
    }

    public void StartReading() => _reading = Task.Run(ReadAsync);

    public Task SendAsync(string json) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    public Task SubscribeAsync(string symbol, string channel, string format = "json", int depth = 0) =>
        SendAsync($$"""{"op":"subscribe","symbol":"{{symbol}}","channel":"{{channel}}","format":"{{format}}","depth":{{depth}}}""");

    public T Read<T>(Func<FeedClient, T> read)
    {
        lock (_lock)
        {
            return read(this);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds (checked under the client's lock).</summary>
    public async Task<bool> WaitAsync(Func<FeedClient, bool> condition, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (Read(condition))
            {
                return true;
            }
            await Task.Delay(10);
        }
        return Read(condition);
    }

    public long SequenceOf(string symbol, Channel channel) => Read(c => c.LastSequence.GetValueOrDefault((symbol, channel), -1));

    private async Task ReadAsync()
    {
        var buffer = new byte[1 << 20];
        try
        {
            while (true)
            {
                int total = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(total), _stop.Token);
                    total += result.Count;
                }
                while (!result.EndOfMessage);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
                var message = result.MessageType == WebSocketMessageType.Binary
                    ? ProtobufMessageCodec.Decode(buffer[..total])
                    : JsonMessageCodec.Decode(buffer.AsSpan(0, total));
                Received.Enqueue(message);
                lock (_lock)
                {
                    Apply(message);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            ReadError = e;
        }
    }

    private void Apply(FeedMessage m)
    {
        if (m.Type is not (MessageType.Snapshot or MessageType.Update))
        {
            return;
        }
        var key = (m.Symbol, m.Channel);
        if (m.Type == MessageType.Update)
        {
            if (!LastSequence.TryGetValue(key, out long last))
            {
                return; // before the snapshot
            }
            // l1 and status are complete states: a jump is conflation, not a gap.
            if (m.Sequence != last + 1 && m.Channel is not (Channel.L1 or Channel.Status))
            {
                Gaps++;
                return;
            }
        }
        LastSequence[key] = m.Sequence;
        switch (m.Channel)
        {
            case Channel.L2:
                if (!L2.TryGetValue(m.Symbol, out var sides) || m.Type == MessageType.Snapshot)
                {
                    sides = [new(), new()];
                    L2[m.Symbol] = sides;
                }
                foreach (var (levels, side) in new[] { (m.Bids, 0), (m.Asks, 1) })
                {
                    foreach (var level in levels)
                    {
                        if (level.Quantity == 0)
                        {
                            sides[side].Remove(level.Price);
                        }
                        else
                        {
                            sides[side][level.Price] = level;
                        }
                    }
                }
                break;
            case Channel.L3:
                if (m.Type == MessageType.Snapshot)
                {
                    var book = new PublicBook();
                    foreach (var o in m.Orders)
                    {
                        book.Add(o.OrderId, o.Side, o.Price, o.Quantity);
                    }
                    L3[m.Symbol] = book;
                }
                else
                {
                    foreach (var u in m.OrderUpdates)
                    {
                        if (!L3[m.Symbol].Apply(in u))
                        {
                            Gaps++;
                        }
                    }
                }
                break;
            case Channel.Trades:
                if (m.Type == MessageType.Update)
                {
                    Trades.AddRange(m.Trades);
                }
                break;
        }
    }

    /// <summary>The L2 book in <see cref="PriceLevelView"/> lists, best first.</summary>
    public (List<PriceLevelView> Bids, List<PriceLevelView> Asks) Levels(string symbol) => Read(c =>
    {
        var sides = c.L2[symbol];
        return (sides[0].Values.OrderByDescending(l => l.Price).ToList(), sides[1].Values.OrderBy(l => l.Price).ToList());
    });

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (_reading is not null)
        {
            await _reading;
        }
        _socket.Dispose();
        _stop.Dispose();
    }
}
