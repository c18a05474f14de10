using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Exchange.Api.Messages;
using Exchange.Core.Domain;
using Exchange.Core.Events;
using Exchange.MarketData.Service;
using Exchange.MarketData.Views;

namespace Exchange.Api.WebSockets;

// The private `orders` channel: a connection logs in to an account and receives that account's order updates and fills
// (docs/market-data.md). Events come from the market-data queue like the public channels (IEngineEventObserver, on the
// market-data thread); each account has one sequence, shared by its subscribers; messages are never conflated or dropped.
public sealed partial class MarketDataHub : IEngineEventObserver
{
    /// <summary>Failed logins after which a connection is closed (1008).</summary>
    public const int MaxFailedLogins = 3;

    private readonly AccountAuthenticator? _accounts;
    // Market-data thread only:
    private readonly Dictionary<long, AccountChannel> _accountChannels = [];
    private readonly Dictionary<Symbol, int> _priceDecimals = [];
    private long _gapsSeen;

    /// <summary>Connections closed because order events were lost before reaching the market-data thread (queue full).</summary>
    public long OrderChannelsLost => Interlocked.Read(ref _orderChannelsLost);

    private long _orderChannelsLost;

    /// <summary>The sequence of an account's last update on its private channel (0 = none yet).</summary>
    public Task<long> OrderSequenceAsync(long account) =>
        _service.QueryAsync(_ => _accountChannels.TryGetValue(account, out var channel) ? channel.Sequence : 0);

    /// <summary>login, on the connection's receive loop.</summary>
    private void Login(ClientConnection connection, ClientRequest request)
    {
        if (connection.AccountId != 0)
        {
            SendControl(connection, MessageType.Error, default, "", MessageFormat.Json, $"already logged in as {connection.AccountName}");
            return;
        }
        if (_accounts is not null && _accounts.TryAuthenticate(request.Account, request.Password, out long id))
        {
            connection.LogIn(id, request.Account);
            connection.Enqueue(new OutFrame(ControlJson("loggedIn", request.Account, null), binary: false), Delivery.Reliable, default, "login");
            return;
        }
        if (++connection.FailedLogins >= MaxFailedLogins)
        {
            connection.Close(WebSocketCloseStatus.PolicyViolation, $"{MaxFailedLogins} failed logins");
            return;
        }
        SendControl(connection, MessageType.Error, default, "", MessageFormat.Json,
            _accounts is null ? "login failed: no accounts on this server" : "login failed: wrong account or password");
    }

    private void SubscribeOrders(ClientConnection connection, ClientRequest request)
    {
        if (connection.IsClosing)
        {
            return;
        }
        string? error = connection.AccountId == 0 ? "orders: log in first"
            : request.Format != MessageFormat.Json ? "orders: only the json format"
            : connection.Subscriptions.Exists(s => s.Active && s.Account != 0) ? "orders: already subscribed"
            : connection.Subscriptions.Count >= _options.MaxSubscriptions ? "too many subscriptions"
            : null;
        if (error is not null)
        {
            SendControl(connection, MessageType.Error, default, "", MessageFormat.Json, error);
            return;
        }
        var channel = AccountChannelOf(connection.AccountId);
        channel.Name = connection.AccountName;
        var subscription = new Subscription(connection, "", default, MessageFormat.Json, 0) { Account = connection.AccountId };
        connection.Subscriptions.Add(subscription);
        channel.Subscribers.Add(subscription);
        connection.Enqueue(new OutFrame(ControlJson("subscribed", channel.Name, null), binary: false), Delivery.Reliable, default, "orders");
        var snapshot = OrderUpdateCodec.EncodeSnapshot(channel.Name, channel.Sequence, channel.Orders.Sorted, PriceDecimals);
        connection.Enqueue(new OutFrame(snapshot, binary: false), Delivery.Reliable, default, $"orders {channel.Name}");
    }

    private void UnsubscribeOrders(ClientConnection connection)
    {
        var subscription = connection.Subscriptions.Find(s => s.Active && s.Account != 0);
        if (subscription is null)
        {
            SendControl(connection, MessageType.Error, default, "", MessageFormat.Json, "orders: not subscribed");
            return;
        }
        Remove(subscription);
        connection.Enqueue(new OutFrame(ControlJson("unsubscribed", connection.AccountName, null), binary: false), Delivery.Reliable, default, "orders");
    }

    private void RemoveOrders(Subscription subscription)
    {
        if (_accountChannels.TryGetValue(subscription.Account, out var channel))
        {
            channel.Subscribers.Remove(subscription);
        }
    }

    /// <summary>Every engine event, after the views applied it (market-data thread).</summary>
    public void OnEngineEvent(MarketDataViews views, int shard, in EngineEvent e)
    {
        if (views.Gaps != _gapsSeen)
        {
            // Events were lost before the market-data thread (queue full): an account's updates may be missing, and the
            // channel's own sequence could not show it. Its subscribers are closed, never left silently wrong.
            _gapsSeen = views.Gaps;
            CloseOrderSubscribers("order updates lost (market-data queue overflowed); log in and subscribe again");
        }
        switch (e.Type)
        {
            case EventType.Trade:
                Deliver(views, shard, in e, e.Account, maker: false);
                Deliver(views, shard, in e, e.MakerAccount, maker: true);
                break;
            case EventType.Accepted or EventType.Cancelled or EventType.Replaced or EventType.Expired or EventType.Triggered
                or EventType.Replenished or EventType.Reduced:
                Deliver(views, shard, in e, e.Account, maker: false);
                break;
        }
    }

    private void Deliver(MarketDataViews views, int shard, in EngineEvent e, long account, bool maker)
    {
        if (account == 0)
        {
            return;
        }
        var channel = AccountChannelOf(account);
        long sequence = ++channel.Sequence;
        channel.Orders.Apply(shard, in e, maker);
        if (channel.Subscribers.Count == 0)
        {
            return;
        }
        var frame = new OutFrame(OrderUpdateCodec.Encode(in e, shard, channel.Name, sequence, maker, PriceDecimals(e.Symbol)), binary: false);
        foreach (var s in channel.Subscribers) // a failed Enqueue closes the connection; it leaves the list later (RemoveAll)
        {
            s.Connection.Enqueue(frame, Delivery.Reliable, default, $"orders {channel.Name}");
        }
    }

    /// <summary>A shard's start state: its accounts' resting orders and untriggered stops are their open orders.</summary>
    public void OnSeed(MarketDataViews views, ShardSeed seed)
    {
        foreach (var instrument in seed.Instruments)
        {
            _priceDecimals[instrument.Symbol] = Math.Max(2, Price.DecimalsOf(instrument.TickSize));
            foreach (var o in instrument.Stops is { } stops ? instrument.Orders.Concat(stops) : instrument.Orders)
            {
                if (o.Account != 0)
                {
                    AccountChannelOf(o.Account).Orders.Add(OpenOrder.From(seed.Shard, instrument.Symbol, in o));
                }
            }
        }
    }

    private int PriceDecimals(Symbol symbol)
    {
        if (!_priceDecimals.TryGetValue(symbol, out int decimals))
        {
            decimals = _service.Views.TryGet(symbol, out var view) ? Math.Max(2, Price.DecimalsOf(view.TickSize)) : 2;
            _priceDecimals[symbol] = decimals;
        }
        return decimals;
    }

    private void CloseOrderSubscribers(string reason)
    {
        foreach (var channel in _accountChannels.Values)
        {
            foreach (var s in channel.Subscribers)
            {
                Interlocked.Increment(ref _orderChannelsLost);
                s.Connection.Close(WebSocketCloseStatus.InternalServerError, reason);
            }
        }
    }

    private AccountChannel AccountChannelOf(long account)
    {
        if (!_accountChannels.TryGetValue(account, out var channel))
        {
            channel = new AccountChannel();
            _accountChannels.Add(account, channel);
        }
        return channel;
    }

    private static byte[] ControlJson(string type, string account, long? sequence)
    {
        var buffer = new ArrayBufferWriter<byte>(96);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", type);
            if (type != "loggedIn")
            {
                w.WriteString("channel", "orders");
            }
            w.WriteString("account", account);
            if (sequence is { } seq)
            {
                w.WriteNumber("seq", seq);
            }
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>One account's private channel: its sequence (every update since the server started), subscribers and open orders.</summary>
    private sealed class AccountChannel
    {
        public long Sequence;

        public string Name = "";

        public List<Subscription> Subscribers { get; } = [];

        public OpenOrders Orders { get; } = new();
    }
}
