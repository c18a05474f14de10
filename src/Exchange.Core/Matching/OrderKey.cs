using Exchange.Core.Domain;

namespace Exchange.Core.Matching;

/// <summary>Identifies a live order the way its owner does: account + client order id.</summary>
internal readonly record struct OrderKey(long Account, ClientOrderId ClientId)
{
    public bool Equals(OrderKey other) => Account == other.Account && ClientId.Equals(other.ClientId);

    public override int GetHashCode() => ClientId.GetHashCode() ^ (int)(Account * 0x9E3779B1);
}
