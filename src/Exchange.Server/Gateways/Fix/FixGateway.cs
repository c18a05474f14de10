using System.Net;
using Exchange.Fix.Session;
using Exchange.Fix.Store;
using Exchange.Fix.Transport;
using Exchange.Server.Configuration;

namespace Exchange.Server.Gateways.Fix;

/// <summary>The FIX 4.4 order-entry gateway of `exchange serve`: one <see cref="FixSession"/> per configured
/// <see cref="FixSessionConfig"/> (its sequence numbers and sent messages in <c>{dataDirectory}/fix/{TargetCompID}-{SenderCompID}/</c>,
/// as the client names them), each served by a <see cref="FixOrderEntrySession"/>, behind one acceptor.</summary>
public sealed class FixGateway : IAsyncDisposable
{
    private readonly FixAcceptor _acceptor;
    private readonly List<FixOrderEntrySession> _applications = [];
    private readonly List<IFixMessageStore> _stores = [];
    private bool _stopped;

    private FixGateway(ExchangeConfig config, OrderEntryHub hub, FixOrderProjection orders, Action<string>? log, TimeProvider? time,
        IPEndPoint? endpoint)
    {
        var sessions = new List<FixSession>();
        foreach (var fix in config.FixSessions)
        {
            string accountName = fix.Account ?? fix.SenderCompId;
            var account = config.Accounts.FirstOrDefault(a => a.Name == accountName)
                ?? throw new InvalidDataException($"fixSessions: {fix.SenderCompId} names account '{accountName}', which is not configured");
            var settings = new FixSessionSettings
            {
                SenderCompId = fix.TargetCompId ?? config.FixCompId,
                TargetCompId = fix.SenderCompId,
                Username = account.Name,
                Password = account.Password,
                PasswordRequired = fix.PasswordRequired,
                ResetOnLogon = fix.ResetOnLogon,
                HeartbeatIntervalSeconds = fix.HeartbeatIntervalSeconds,
            };
            var store = new FileFixMessageStore(Path.Combine(config.DataDirectory, "fix", $"{settings.SenderCompId}-{settings.TargetCompId}"));
            _stores.Add(store);
            var application = new FixOrderEntrySession(hub, orders, account, fix.CancelOnDisconnect, log)
            {
                DropCopy = fix.DropCopy,
                EntrySession = EntrySessionId.ForFix(settings.SenderCompId, settings.TargetCompId),
            };
            var session = new FixSession(settings, store, application, time);
            if (log is not null)
            {
                session.Log = (s, message) => log($"fix {s}: {message}");
            }
            application.Session = session;
            _applications.Add(application);
            sessions.Add(session);
        }
        _acceptor = new FixAcceptor(endpoint ?? IPEndPoint.Parse(config.FixEndpoint), sessions) { Log = log };
    }

    public IPEndPoint LocalEndPoint => _acceptor.LocalEndPoint;

    public IReadOnlyCollection<FixSession> Sessions => _acceptor.Sessions;

    /// <summary>Starts listening. The hub must already be connected to the running node, and the projection must be
    /// one of the node's event listeners, before the hub. <c>endpoint</c> overrides <see cref="ExchangeConfig.FixEndpoint"/>
    /// (tests: port 0); <c>time</c> is the sessions' clock.</summary>
    public static FixGateway Start(ExchangeConfig config, OrderEntryHub hub, FixOrderProjection orders, Action<string>? log = null,
        TimeProvider? time = null, IPEndPoint? endpoint = null)
    {
        var gateway = new FixGateway(config, hub, orders, log, time, endpoint);
        gateway._applications.ForEach(a => a.Attach());
        gateway._acceptor.Start();
        return gateway;
    }

    /// <summary>Logs every session out, closes the connections and the stores. Before the node stops, so that
    /// cancel-on-disconnect and the last reports still reach the exchange and the clients.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        await _acceptor.StopAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        foreach (var application in _applications)
        {
            await application.StopAsync().ConfigureAwait(false);
        }
        _stores.ForEach(s => s.Dispose());
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
