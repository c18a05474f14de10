using Exchange.Core.Domain;

namespace Exchange.Core.Matching;

/// <summary>Computes the 64-bit fingerprint of an (account, client order id) key for <see cref="ClientIdIndex{THasher}"/>.</summary>
internal interface IClientIdHasher
{
    static abstract ulong Fingerprint(long account, in ClientOrderId clientId);
}
