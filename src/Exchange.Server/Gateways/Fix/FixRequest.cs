using Exchange.Core.Domain;

namespace Exchange.Server.Gateways.Fix;

/// <summary>What a FIX session remembers about a command it entered until the command's answer has arrived: the
/// request's own ids (the engine's events name the order, not the request).</summary>
internal sealed class FixRequest
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
    /// <summary>Mass cancel without a symbol goes to every shard; each answers.</summary>
    public int RepliesLeft = 1;
    public long Affected;
    public bool Rejected;
}
