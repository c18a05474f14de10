using Exchange.Core.Domain;

namespace Exchange.Server.Gateways.Fix;

/// <summary>What a FIX session remembers about a command it entered until the command's answer has arrived: the
/// request's own ids (the engine's events name the order, not the request). A struct kept by value in the
/// session's table: nothing is allocated per request.</summary>
internal struct FixRequest
{
    public char MsgType;
    public ClientOrderId ClientId;
    public ClientOrderId OrigClientId;
    public Symbol Symbol;
    public Side Side;
    public OrderType OrderType;
    public TimeInForce TimeInForce;
    public long Price;
    public long Quantity;
    public char MassCancelType;
    /// <summary>Mass cancel without a symbol goes to every shard and each answers: the answers still expected
    /// (0 means one).</summary>
    public int RepliesLeft;
    public long Affected;
    public bool Rejected;
}
