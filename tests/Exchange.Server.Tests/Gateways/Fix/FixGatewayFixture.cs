using System.Net;
using Exchange.Journal;
using Exchange.Server.Configuration;
using Exchange.Server.Gateways;
using Exchange.Server.Gateways.Fix;
using Exchange.Server.Tests.Node;

namespace Exchange.Server.Tests.Gateways.Fix;

/// <summary>An exchange node with the FIX gateway on a free loopback port, as `exchange serve` wires them, in a temp
/// data directory; <see cref="Restart"/> stops (or crashes) and starts again on the same directory.</summary>
internal sealed class FixGatewayFixture : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly Func<ExchangeConfig, ExchangeConfig>? _configure;

    public FixGatewayFixture(Func<ExchangeConfig, ExchangeConfig>? configure = null)
    {
        _configure = configure;
        Start();
    }

    public ExchangeConfig Config { get; private set; } = null!;

    public OrderEntryHub Hub { get; private set; } = null!;

    public ExchangeNode Node { get; private set; } = null!;

    public FixGateway Gateway { get; private set; } = null!;

    public IPEndPoint Endpoint => Gateway.LocalEndPoint;

    public string DataDirectory => _dir.Path;

    public List<string> Log { get; } = [];

    /// <summary>Waits until the session of <paramref name="client"/> has numbered messages up to
    /// <paramref name="nextSenderMsgSeqNum"/> - 1 (reports are written after the event: by the responder or the session's
    /// own task).</summary>
    public void WaitForOutbound(string client, int nextSenderMsgSeqNum)
    {
        var session = Gateway.Sessions.Single(s => s.Settings.TargetCompId == client);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (session.NextSenderMsgSeqNum < nextSenderMsgSeqNum)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{client}: next outbound MsgSeqNum stays {session.NextSenderMsgSeqNum}");
            Thread.Sleep(10);
        }
    }

    /// <summary>Waits until the session of <paramref name="client"/> has noticed that its connection is gone (the server
    /// reads the close asynchronously; a new Logon before that is refused as a second connection).</summary>
    public void WaitForDisconnected(string client)
    {
        var session = Gateway.Sessions.Single(s => s.Settings.TargetCompId == client);
        Assert.True(SpinWait.SpinUntil(() => session.State == Exchange.Fix.Session.FixSessionState.Disconnected, TimeSpan.FromSeconds(10)),
            $"{client}: still {session.State}");
    }

    public void Restart(bool crash = false)
    {
        Gateway.StopAsync().GetAwaiter().GetResult();
        if (crash)
        {
            Node.Crash();
        }
        else
        {
            Node.Stop();
        }
        Start();
    }

    private void Start()
    {
        var config = new ExchangeConfig { DataDirectory = _dir.Path, Durability = DurabilityMode.Fsync, TimeTickMilliseconds = 0 };
        Config = _configure?.Invoke(config) ?? config;
        Hub = new OrderEntryHub();
        var orders = new FixOrderProjection();
        Node = ExchangeNode.Start(Config, [orders, Hub]);
        Hub.Node = Node;
        Gateway = FixGateway.Start(Config, Hub, orders, message =>
        {
            lock (Log)
            {
                Log.Add(message);
            }
        }, endpoint: new IPEndPoint(IPAddress.Loopback, 0));
    }

    public void Dispose()
    {
        Gateway.StopAsync().GetAwaiter().GetResult();
        Node.Stop();
        _dir.Dispose();
    }
}
