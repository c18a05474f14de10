using System.Net;
using Exchange.Binary.Client;
using Exchange.Binary.Framing;
using Exchange.Binary.Messages;
using Exchange.Journal;
using Exchange.Server.Configuration;
using Exchange.Server.Gateways;
using Exchange.Server.Gateways.Binary;
using Exchange.Server.Tests.Node;

namespace Exchange.Server.Tests.Gateways.Binary;

/// <summary>What a binary gateway test runs against: an <see cref="ExchangeNode"/> in a temporary directory, the
/// order-entry hub, and a <see cref="BinaryAcceptor"/> on a free loopback port.</summary>
internal sealed class BinaryGatewayHost : IDisposable
{
    private readonly TempDirectory _dir = new();

    public BinaryGatewayHost(DurabilityMode durability, int streamCapacity, int readerThreads = BinaryAcceptor.DefaultReaderThreads)
    {
        Node = ExchangeNode.Start(new ExchangeConfig { DataDirectory = _dir.Path, Durability = durability, TimeTickMilliseconds = 0 }, [Hub]);
        Hub.Node = Node;
        Acceptor = BinaryAcceptor.Start("127.0.0.1:0", Hub, Node.Config.Accounts, streamCapacity: streamCapacity, readerThreads: readerThreads);
    }

    public OrderEntryHub Hub { get; } = new();

    public ExchangeNode Node { get; }

    public BinaryAcceptor Acceptor { get; }

    /// <summary>Logs in a new client (the caller disposes it).</summary>
    public BinaryOrderEntryClient Connect(string user, string stream = "", ulong sequence = 0, string password = "demo", LoginFlags flags = LoginFlags.None) =>
        BinaryOrderEntryClient.Connect(new IPEndPoint(IPAddress.Loopback, Acceptor.LocalEndPoint.Port),
            new LoginRequest(user, password, stream, sequence, flags), TimeSpan.FromSeconds(10));

    public void Dispose()
    {
        Acceptor.Dispose();
        Node.Dispose();
        _dir.Dispose();
    }
}
