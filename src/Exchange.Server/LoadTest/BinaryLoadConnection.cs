using System.Net;
using Exchange.Binary.Client;
using Exchange.Binary.Framing;
using Exchange.Binary.Messages;
using Exchange.Core.Domain;

namespace Exchange.Server.LoadTest;

/// <summary>A load connection over the binary protocol, through the client library. Its stream is named
/// <c>lt{index}</c>, so repeated runs reuse the server's streams instead of creating new ones.</summary>
internal sealed class BinaryLoadConnection : ILoadConnection, IServerMessageHandler
{
    private readonly BinaryOrderEntryClient _client;
    private readonly LoadConnectionStats _stats;
    private readonly LoadOrderIds _ids;
    private readonly Symbol _symbol;

    public BinaryLoadConnection(EndPoint endpoint, string user, string password, LoadConnectionStats stats, LoadOrderIds ids, Symbol symbol)
    {
        _client = BinaryOrderEntryClient.Connect(endpoint, new LoginRequest(user, password, $"lt{stats.Index}", 0, LoginFlags.None));
        _stats = stats;
        _ids = ids;
        _symbol = symbol;
    }

    public void Send(in LoadOrder order, ClientOrderId id)
    {
        var message = new EnterOrder
        {
            ClientOrderId = id, Symbol = _symbol, Side = order.Side, OrderType = order.Market ? OrderType.Market : OrderType.Limit,
            TimeInForce = order.Market ? TimeInForce.Ioc : TimeInForce.Gtc, Price = order.Price, Quantity = order.Quantity,
        };
        _client.Send(in message, flush: false);
    }

    public void Flush() => _client.Flush();

    public bool Receive()
    {
        var self = this;
        return _client.Receive(ref self) >= 0;
    }

    public void Logout() => _client.Logout();

    public string RejectReasonName(int code) => ((BinaryRejectReason)code).ToString();

    public void Dispose() => _client.Dispose();

    public void OnAccepted(ulong sequence, in OrderAccepted message)
    {
        if (_ids.TryParse(message.ClientOrderId, out long number) && _stats.Owns(number))
        {
            _stats.OnAcknowledged(number, rejected: false, 0);
        }
    }

    public void OnRejected(ulong sequence, in OrderRejected message)
    {
        if (_ids.TryParse(message.ClientOrderId, out long number) && _stats.Owns(number))
        {
            _stats.OnAcknowledged(number, rejected: true, (int)message.Reason);
        }
    }

    public void OnExecuted(ulong sequence, in OrderExecuted message)
    {
    }

    public void OnCanceled(ulong sequence, in OrderCanceled message)
    {
    }

    public void OnReplaced(ulong sequence, in OrderReplaced message)
    {
    }

    public void OnRestated(ulong sequence, in OrderRestated message)
    {
    }

    public void OnMassCanceled(ulong sequence, in MassCanceled message)
    {
    }
}
