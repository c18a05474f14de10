using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Exchange.Api.Tests.WebSockets;

/// <summary>A raw JSON WebSocket client for the private orders channel: keeps every text message received, in order.</summary>
public sealed class OrdersClient : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentQueue<JsonElement> _received = new();
    private int _taken;
    private Task _reading = new TaskCompletionSource().Task;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseReason => _socket.CloseStatusDescription;

    public bool Closed => _reading.IsCompleted;

    /// <summary>Connects; <paramref name="read"/> false: nothing is read until <see cref="StartReading"/> (with a small
    /// socket receive buffer, the server's queue for this client fills).</summary>
    public static async Task<OrdersClient> ConnectAsync(Uri address, bool read = true)
    {
        var client = new OrdersClient();
        if (read)
        {
            await client._socket.ConnectAsync(address, CancellationToken.None);
            client.StartReading();
            return client;
        }
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, token) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp)
                {
                    ReceiveBufferSize = 4096,
                };
                await socket.ConnectAsync(context.DnsEndPoint, token);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        };
        await client._socket.ConnectAsync(address, new HttpMessageInvoker(handler), CancellationToken.None);
        return client;
    }

    public void StartReading() => _reading = Task.Run(ReadAsync);

    public Task SendAsync(string json) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    public Task LoginAsync(string account, string password = "demo") =>
        SendAsync($$"""{"op":"login","account":"{{account}}","password":"{{password}}"}""");

    public Task SubscribeOrdersAsync(string format = "json") => SendAsync($$"""{"op":"subscribe","channel":"orders","format":"{{format}}"}""");

    /// <summary>The next message received after those returned before.</summary>
    public async Task<JsonElement> NextAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < Timeout)
        {
            if (_received.Count > _taken)
            {
                return _received.ElementAt(_taken++);
            }
            await Task.Delay(5);
        }
        throw new TimeoutException($"no message after {_taken}");
    }

    /// <summary>Messages received and not yet returned by <see cref="NextAsync"/>.</summary>
    public IReadOnlyList<JsonElement> Rest() => [.. _received.Skip(_taken)];

    public async Task<bool> WaitClosedAsync()
    {
        await Task.WhenAny(_reading, Task.Delay(Timeout));
        return _reading.IsCompleted;
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[1 << 16];
        try
        {
            while (true)
            {
                int total = 0;
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer, total, buffer.Length - total), CancellationToken.None);
                    total += result.Count;
                }
                while (!result.EndOfMessage);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
                using var document = JsonDocument.Parse(buffer.AsMemory(0, total));
                _received.Enqueue(document.RootElement.Clone());
            }
        }
        catch (WebSocketException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
            }
        }
        _socket.Dispose();
    }
}
