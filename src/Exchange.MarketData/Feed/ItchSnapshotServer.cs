using System.Net;
using System.Net.Sockets;

namespace Exchange.MarketData.Feed;

/// <summary>TCP snapshot server for late joiners: each connection gets one snapshot (see
/// <see cref="ItchFeedPublisher.BuildSnapshot"/> for the layout), taken on the market-data thread at the moment it
/// connects, and is then closed.</summary>
public sealed class ItchSnapshotServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<Task<byte[]>> _snapshot;
    private readonly CancellationTokenSource _stop = new();

    public ItchSnapshotServer(IPEndPoint endpoint, Func<Task<byte[]>> snapshot)
    {
        _snapshot = snapshot;
        _listener = new TcpListener(endpoint);
        _listener.Start();
        LocalEndpoint = (IPEndPoint)_listener.LocalEndpoint;
        _ = AcceptAsync();
    }

    public IPEndPoint LocalEndpoint { get; }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var data = await _snapshot().ConfigureAwait(false);
                await client.GetStream().WriteAsync(data, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or InvalidOperationException)
            {
                // The client went away or the service is stopping: nothing to answer.
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}
