using System.IO.Hashing;
using System.Text;

namespace Exchange.Server.Gateways;

/// <summary>Derives the stable id an order-entry session stamps on the orders it enters
/// (<see cref="Exchange.Core.Commands.Command.EntrySession"/>): a hash of the session's identity, so the same FIX
/// session or binary stream gets the same id after a reconnect or a restart and its cancel-on-disconnect still finds
/// the orders it entered before. Journaled, so it must never change for a given identity.</summary>
public static class EntrySessionId
{
    /// <summary>The id of a FIX session (the exchange's and the client's CompIDs, as in its message store's name).</summary>
    public static long ForFix(string exchangeCompId, string clientCompId) => Of($"fix\n{exchangeCompId}\n{clientCompId}");

    /// <summary>The id of a binary stream (its username and stream name).</summary>
    public static long ForBinary(string username, string stream) => Of($"binary\n{username}\n{stream}");

    // XxHash64 is specified (not a runtime detail like string.GetHashCode); 0 means "no session", so it is avoided.
    private static long Of(string identity)
    {
        long id = unchecked((long)XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(identity)));
        return id == 0 ? 1 : id;
    }
}
