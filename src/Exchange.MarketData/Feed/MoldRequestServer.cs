using System.Net;
using System.Net.Sockets;
using Exchange.MarketData.Mold;

namespace Exchange.MarketData.Feed;

/// <summary>The MoldUDP64 re-request server: answers each 20-byte request (session, first sequence, count) with
/// MoldUDP64 packets holding the stored messages asked for (at most <see cref="FeedOptions.MaxMessagesPerRequest"/>),
/// sent to the address the request came from. Requests for another session, or for messages not yet published,
/// get no answer. Runs its own thread.</summary>
public sealed class MoldRequestServer : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly MessageStore _store;
    private readonly MoldSession _session;
    private readonly FeedOptions _options;
    private readonly Thread _thread;
    private volatile bool _stopped;

    public MoldRequestServer(FeedOptions options, MoldSession session, MessageStore store)
    {
        _options = options;
        _session = session;
        _store = store;
        _socket.Bind(options.RequestEndpoint);
        LocalEndpoint = (IPEndPoint)_socket.LocalEndPoint!;
        _thread = new Thread(Run) { IsBackground = true, Name = "mold-rerequest" };
        _thread.Start();
    }

    /// <summary>Where requests are received (the bound port, if the options asked for port 0).</summary>
    public IPEndPoint LocalEndpoint { get; }

    public long RequestsAnswered => Interlocked.Read(ref _answered);

    private long _answered;

    private void Run()
    {
        var request = new byte[64];
        var packet = new byte[_options.MaxPacketSize];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        while (!_stopped)
        {
            int n;
            try
            {
                n = _socket.ReceiveFrom(request, ref from);
            }
            catch (SocketException) when (!_stopped)
            {
                continue;
            }
            catch (Exception) when (_stopped)
            {
                return;
            }
            if (!MoldRequest.TryRead(request.AsSpan(0, n), out var r) || r.Session != _session || r.MessageCount == 0)
            {
                continue;
            }
            Answer(r, from, packet);
            Interlocked.Increment(ref _answered);
        }
    }

    private void Answer(MoldRequest r, EndPoint to, byte[] packet)
    {
        long next = (long)r.SequenceNumber;
        long end = next + Math.Min((int)r.MessageCount, _options.MaxMessagesPerRequest);
        while (next < end)
        {
            long first = next;
            int length = MoldPacketHeader.Size;
            int count = 0;
            _store.Read(first, (int)(end - first), (seq, message) =>
            {
                if (length + 2 + message.Length > packet.Length)
                {
                    return false;
                }
                packet[length] = (byte)(message.Length >> 8);
                packet[length + 1] = (byte)message.Length;
                message.Span.CopyTo(packet.AsSpan(length + 2));
                length += 2 + message.Length;
                count++;
                return true;
            });
            if (count == 0)
            {
                return; // not published yet
            }
            new MoldPacketHeader(_session, (ulong)first, (ushort)count).Write(packet);
            try
            {
                _socket.SendTo(packet.AsSpan(0, length), SocketFlags.None, to);
            }
            catch (SocketException)
            {
                return;
            }
            next += count;
        }
    }

    public void Dispose()
    {
        _stopped = true;
        _socket.Dispose();
        _thread.Join(TimeSpan.FromSeconds(2));
    }
}
