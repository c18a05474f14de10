using System.Security.Cryptography;
using System.Text;

namespace Exchange.Api.WebSockets;

/// <summary>Checks WebSocket logins against the configured accounts (name, engine id, password). Passwords are compared
/// as SHA-256 digests with <see cref="CryptographicOperations.FixedTimeEquals"/>, so the time taken does not depend on
/// how much of the password is right nor on its length; an unknown name costs the same comparison.</summary>
public sealed class AccountAuthenticator
{
    private static readonly byte[] Nobody = SHA256.HashData("\0no such account\0"u8);

    private readonly Dictionary<string, (long Id, byte[] Digest)> _accounts = new(StringComparer.Ordinal);

    public AccountAuthenticator(IEnumerable<(string Name, long Id, string Password)> accounts)
    {
        foreach (var (name, id, password) in accounts)
        {
            _accounts[name] = (id, SHA256.HashData(Encoding.UTF8.GetBytes(password)));
        }
    }

    /// <summary>The account's engine id when <paramref name="name"/> and <paramref name="password"/> match.</summary>
    public bool TryAuthenticate(string name, string password, out long accountId)
    {
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(password));
        bool known = _accounts.TryGetValue(name, out var account);
        bool match = CryptographicOperations.FixedTimeEquals(given, known ? account.Digest : Nobody);
        accountId = known && match ? account.Id : 0;
        return known && match;
    }
}
