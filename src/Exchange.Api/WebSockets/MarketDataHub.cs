using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using Exchange.Api.Messages;
using Exchange.Core.Domain;
using Exchange.MarketData.Service;
using Exchange.MarketData.Views;

namespace Exchange.Api.WebSockets;

/// <summary>The WebSocket market-data feed: subscriptions per (symbol, channel), a snapshot first and then updates, each
/// message with its per-(symbol, channel) sequence number; every message is encoded once per format and shared by its
/// subscribers. Subscriptions and publication run on the market-data thread (a publisher of
/// <see cref="MarketDataService"/>); connections run their own send and receive loops. Protocol: docs/market-data.md.</summary>
public sealed partial class MarketDataHub : IMarketDataPublisher
{
    private readonly MarketDataService _service;
    private readonly WebSocketFeedOptions _options;
    private readonly ConcurrentDictionary<long, ClientConnection> _connections = new();
    // Market-data thread only:
    private readonly Dictionary<string, List<Subscription>[]> _subscriptions = [];
    private readonly Dictionary<string, (PriceLevelView Bid, PriceLevelView Ask)> _lastL1 = [];
    private readonly List<Subscription> _needSnapshot = [];
    private readonly long _heartbeatTicks;
    private readonly long _publishTicks;
    private long _lastHeartbeat;
    private long _lastPublish;

    /// <summary>Registers the hub with <paramref name="service"/>; <paramref name="accounts"/> may log in for the private
    /// <c>orders</c> channel (none: every login fails).</summary>
    public MarketDataHub(MarketDataService service, WebSocketFeedOptions? options = null, AccountAuthenticator? accounts = null)
    {
        _service = service;
        _accounts = accounts;
        _options = options ?? new WebSocketFeedOptions();
        _heartbeatTicks = (long)(_options.HeartbeatInterval.TotalSeconds * Stopwatch.Frequency);
        _publishTicks = (long)(_options.PublishInterval.TotalSeconds * Stopwatch.Frequency);
        service.AddPublisher(this);
    }

    public WebSocketFeedOptions Options => _options;

    public int ConnectionCount => _connections.Count;

    /// <summary>l2 snapshots sent in place of skipped deltas (conflation under pressure).</summary>
    public long ConflationSnapshots => Interlocked.Read(ref _conflationSnapshots);

    private long _conflationSnapshots;

    /// <summary>Connections closed because their queue was full.</summary>
    public long SlowConsumerDisconnects => Interlocked.Read(ref _slowConsumers);

    private long _slowConsumers;

    /// <summary>The largest number of messages any connection has had waiting.</summary>
    public int MaxQueuedMessages => _connections.Values.Select(c => c.MaxQueued).DefaultIfEmpty(0).Max();

    /// <summary>Messages sent on all connections so far.</summary>
    public long TotalSent => Interlocked.Read(ref _sent.Value);

    private readonly System.Runtime.CompilerServices.StrongBox<long> _sent = new();

    /// <summary>Messages waiting in all queues now.</summary>
    public long QueuedMessages => _connections.Values.Sum(c => (long)c.QueueLength);

    /// <summary>Serves one accepted WebSocket until it closes.</summary>
    public Task RunConnectionAsync(WebSocket socket, CancellationToken cancellationToken) => RunConnectionAsync(socket, null, cancellationToken);

    /// <summary>Serves one accepted WebSocket until it closes; <paramref name="stream"/> (the stream under it, if the
    /// host made it a <see cref="CoalescingStream"/>) lets a batch of messages go out in one write.</summary>
    internal async Task RunConnectionAsync(WebSocket socket, CoalescingStream? stream, CancellationToken cancellationToken)
    {
        var connection = new ClientConnection(socket, _options, _ => Interlocked.Increment(ref _slowConsumers), _sent, SenderPool.Shared, stream);
        _connections[connection.Id] = connection;
        try
        {
            await connection.RunAsync(OnClientMessage, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _connections.TryRemove(connection.Id, out _);
            _service.Invoke(_ => RemoveAll(connection));
        }
    }

    /// <summary>A client message (subscribe, unsubscribe, ping), on the connection's receive loop.</summary>
    private void OnClientMessage(ClientConnection connection, ReadOnlyMemory<byte> message)
    {
        ClientRequest request;
        try
        {
            request = ClientRequest.Parse(message.Span);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            SendControl(connection, MessageType.Error, default, "", MessageFormat.Json, $"bad request: {e.Message}");
            return;
        }
        switch (request.Op)
        {
            case "login":
                Login(connection, request);
                break;
            case "subscribe" when request.Orders:
                _service.Invoke(_ => SubscribeOrders(connection, request));
                break;
            case "unsubscribe" when request.Orders:
                _service.Invoke(_ => UnsubscribeOrders(connection));
                break;
            case "subscribe":
                _service.Invoke(views => Subscribe(views, connection, request));
                break;
            case "unsubscribe":
                _service.Invoke(_ => Unsubscribe(connection, request));
                break;
            case "ping":
                SendControl(connection, MessageType.Heartbeat, default, "", MessageFormat.Json, "pong");
                break;
            default:
                SendControl(connection, MessageType.Error, default, "", MessageFormat.Json, $"unknown op '{request.Op}'");
                break;
        }
    }

    private void Subscribe(MarketDataViews views, ClientConnection connection, ClientRequest request)
    {
        if (connection.IsClosing)
        {
            return;
        }
        if (!views.TryGet(request.Symbol, out var view))
        {
            SendControl(connection, MessageType.Error, request.Channel, request.Symbol, request.Format, $"unknown symbol '{request.Symbol}'");
            return;
        }
        if (view.HasPendingChanges)
        {
            if (views.IsMidCommand(view.Shard))
            {
                // The snapshot would show half a command and run ahead of the published sequence: after the next batch.
                _service.Invoke(v => Subscribe(v, connection, request));
                return;
            }
            PublishInstrument(views, view); // the snapshot follows everything published
        }
        if (connection.Subscriptions.Exists(s => s.Active && s.Account == 0 && s.Symbol == view.Name && s.Channel == request.Channel))
        {
            SendControl(connection, MessageType.Error, request.Channel, view.Name, request.Format, "already subscribed");
            return;
        }
        if (connection.Subscriptions.Count >= _options.MaxSubscriptions)
        {
            SendControl(connection, MessageType.Error, request.Channel, view.Name, request.Format, "too many subscriptions");
            return;
        }
        var subscription = new Subscription(connection, view.Name, request.Channel, request.Format, request.Depth);
        connection.Subscriptions.Add(subscription);
        if (!_subscriptions.TryGetValue(view.Name, out var byChannel))
        {
            byChannel = [.. Enumerable.Range(0, Channels.Count).Select(_ => new List<Subscription>())];
            _subscriptions.Add(view.Name, byChannel);
        }
        byChannel[(int)request.Channel].Add(subscription);
        SendControl(connection, MessageType.Subscribed, request.Channel, view.Name, request.Format, "");
        var snapshot = Snapshot(views, view, request.Channel, request.Depth);
        connection.Enqueue(Frame(snapshot, request.Format), Delivery.Reliable, (view.Name, request.Channel, request.Depth));
    }

    private void Unsubscribe(ClientConnection connection, ClientRequest request)
    {
        var subscription = connection.Subscriptions.Find(s => s.Active && s.Account == 0 && s.Symbol == request.Symbol && s.Channel == request.Channel);
        if (subscription is null)
        {
            SendControl(connection, MessageType.Error, request.Channel, request.Symbol, request.Format, "not subscribed");
            return;
        }
        Remove(subscription);
        SendControl(connection, MessageType.Unsubscribed, request.Channel, request.Symbol, subscription.Format, "");
    }

    private void RemoveAll(ClientConnection connection)
    {
        foreach (var subscription in connection.Subscriptions.ToList())
        {
            Remove(subscription);
        }
    }

    private void Remove(Subscription subscription)
    {
        subscription.Active = false;
        subscription.Connection.Subscriptions.Remove(subscription);
        if (subscription.Account != 0)
        {
            RemoveOrders(subscription);
            return;
        }
        if (_subscriptions.TryGetValue(subscription.Symbol, out var byChannel))
        {
            byChannel[(int)subscription.Channel].Remove(subscription);
        }
        _needSnapshot.Remove(subscription);
    }

    private static void SendControl(ClientConnection connection, MessageType type, Channel channel, string symbol, MessageFormat format, string text)
    {
        var message = new FeedMessage { Type = type, Channel = channel, Symbol = symbol, Text = text };
        connection.Enqueue(Frame(message, format), Delivery.Reliable, (symbol, channel, -1));
    }

    private static OutFrame Frame(FeedMessage message, MessageFormat format) => format == MessageFormat.Protobuf
        ? new OutFrame(ProtobufMessageCodec.Encode(message), binary: true)
        : new OutFrame(JsonMessageCodec.Encode(message), binary: false);

    public void OnTimer(long nowTicks)
    {
        if (_publishTicks > 0 && nowTicks - _lastPublish >= _publishTicks)
        {
            Publish(_service.Views);
        }
        else if (_needSnapshot.Count > 0)
        {
            // A conflated client whose queue drained after the last event still gets its fresh snapshot.
            SendDueSnapshots(_service.Views);
        }
        if (nowTicks - _lastHeartbeat < _heartbeatTicks)
        {
            return;
        }
        _lastHeartbeat = nowTicks;
        var heartbeat = new OutFrame(JsonMessageCodec.Encode(new FeedMessage
        {
            Type = MessageType.Heartbeat,
            Timestamp = DateTime.UtcNow.Ticks * 100 - DateTime.UnixEpoch.Ticks * 100,
        }), binary: false);
        long idleTicks = (long)(_options.IdleTimeout.TotalSeconds * Stopwatch.Frequency);
        foreach (var connection in _connections.Values)
        {
            if (connection.Subscriptions.Count == 0 && nowTicks - connection.LastActivity > idleTicks)
            {
                connection.Close(WebSocketCloseStatus.PolicyViolation, $"idle: no subscription for {_options.IdleTimeout.TotalSeconds:0} s");
                continue;
            }
            if (nowTicks - connection.LastEnqueue >= _heartbeatTicks)
            {
                connection.Enqueue(heartbeat, Delivery.Conflate, ("", Channel.Status, -2)); // only to connections that were quiet
            }
        }
    }

    public void OnStop()
    {
        foreach (var connection in _connections.Values)
        {
            connection.Close(WebSocketCloseStatus.EndpointUnavailable, "server shutting down");
        }
    }
}
