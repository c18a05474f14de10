using System.Diagnostics;
using System.Net.Sockets;
using Exchange.MarketData.Itch;
using Exchange.MarketData.Mold;
using Exchange.MarketData.Service;
using Exchange.MarketData.Views;

namespace Exchange.MarketData.Feed;

/// <summary>Publishes the views as ITCH 5.0 messages in MoldUDP64 packets over UDP: every message is stored with
/// its sequence number (for re-requests and snapshots), packed into packets of at most
/// <see cref="FeedOptions.MaxPacketSize"/> bytes and sent at the end of every batch the market-data thread applies.
/// A heartbeat goes out after <see cref="FeedOptions.HeartbeatInterval"/> of silence; at stop, an S 'C' message and
/// an end-of-session packet. Runs on the market-data thread only.</summary>
public sealed class ItchFeedPublisher : IMarketDataObserver, IMarketDataPublisher, IDisposable
{
    private readonly FeedOptions _options;
    private readonly MoldSession _session;
    private readonly Socket _socket = new(System.Net.Sockets.AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly byte[] _packet;
    // Serialized once: SendTo with an EndPoint serializes it into a new SocketAddress on every packet.
    private readonly System.Net.SocketAddress _feedAddress;
    private readonly byte[] _scratch = new byte[ItchEncoder.MaxMessageSize];
    private readonly Dictionary<ushort, ItchStock> _stocks = [];
    private readonly long _heartbeatTicks;
    private int _packetLength = MoldPacketHeader.Size;
    private int _packetCount;
    private long _packetFirst;
    private long _lastSend;
    private long _lastTimestamp;

    public ItchFeedPublisher(FeedOptions options)
    {
        _options = options;
        _session = MoldSession.Create(options.Session);
        _packet = new byte[options.MaxPacketSize];
        _feedAddress = options.FeedEndpoint.Serialize();
        _heartbeatTicks = (long)(options.HeartbeatInterval.TotalSeconds * Stopwatch.Frequency);
        Append(_scratch.AsSpan(0, ItchEncoder.WriteSystemEvent(_scratch, (byte)'O', 0))); // start of messages: sequence 1
    }

    public FeedOptions Options => _options;

    public MoldSession Session => _session;

    public MessageStore Store { get; } = new();

    public long PacketsSent { get; private set; }

    /// <summary>Book updates that could not be written in ITCH (price with more than four decimals, quantity over a u32).</summary>
    public long Unencodable { get; private set; }

    /// <summary>Test hook: return true to leave a live packet unsent (simulated loss; it is still stored).</summary>
    public Func<bool>? DropPacket { get; set; }

    public void OnInstrument(InstrumentView view, long timestamp)
    {
        if (ItchEncoder.TryGetStock(view, out var stock))
        {
            _stocks[view.Locate] = stock;
            Append(_scratch.AsSpan(0, ItchEncoder.WriteDirectory(_scratch, view, stock, timestamp)));
        }
    }

    public void OnStatus(InstrumentView view, long timestamp)
    {
        if (_stocks.TryGetValue(view.Locate, out var stock))
        {
            Append(_scratch.AsSpan(0, ItchEncoder.WriteTradingAction(_scratch, view, stock, timestamp)));
        }
    }

    public void OnBookUpdate(InstrumentView view, in BookUpdate update, long timestamp)
    {
        _lastTimestamp = timestamp;
        if (!_stocks.TryGetValue(view.Locate, out var stock))
        {
            return;
        }
        int length = ItchEncoder.WriteUpdate(_scratch, view, stock, in update, timestamp);
        if (length == 0)
        {
            Unencodable++;
            return;
        }
        Append(_scratch.AsSpan(0, length));
    }

    public void OnTrade(InstrumentView view, in TradePrint trade)
    {
        // Every trade executes a displayed order: its E message is the print.
    }

    public void Publish(MarketDataViews views) => Flush();

    public void OnTimer(long nowTicks)
    {
        if (nowTicks - _lastSend >= _heartbeatTicks)
        {
            Flush();
            int n = MoldPacketWriter.WriteHeartbeat(_packet, _session, (ulong)Store.Count + 1);
            Send(n, live: false);
        }
    }

    public void OnStop()
    {
        Append(_scratch.AsSpan(0, ItchEncoder.WriteSystemEvent(_scratch, (byte)'C', _lastTimestamp)));
        Flush();
        int n = MoldPacketWriter.WriteEndOfSession(_packet, _session, (ulong)Store.Count + 1);
        Send(n, live: false);
    }

    /// <summary>The whole public state for a late joiner, valid just before message <c>NextSequence</c>: on the
    /// market-data thread (via <see cref="MarketDataService.QueryAsync"/>). Layout: session (10), next sequence (u64),
    /// message count (u32), then each message as u16 length + bytes; big-endian.</summary>
    public byte[] BuildSnapshot(MarketDataViews views)
    {
        var messages = new List<byte[]>();
        foreach (var view in views.Instruments)
        {
            if (!_stocks.TryGetValue(view.Locate, out var stock))
            {
                continue;
            }
            messages.Add(_scratch.AsSpan(0, ItchEncoder.WriteDirectory(_scratch, view, stock, view.LastTimestamp)).ToArray());
            messages.Add(_scratch.AsSpan(0, ItchEncoder.WriteTradingAction(_scratch, view, stock, view.LastTimestamp)).ToArray());
            foreach (var side in (ReadOnlySpan<Exchange.Core.Domain.Side>)[Exchange.Core.Domain.Side.Buy, Exchange.Core.Domain.Side.Sell])
            {
                foreach (var order in view.Book.Orders(side))
                {
                    var add = new BookUpdate(BookUpdateKind.Add, order.OrderId, side, order.Price, order.Quantity);
                    int length = ItchEncoder.WriteUpdate(_scratch, view, stock, in add, view.LastTimestamp);
                    if (length > 0)
                    {
                        messages.Add(_scratch.AsSpan(0, length).ToArray());
                    }
                }
            }
        }
        var data = new byte[MoldSession.Size + 12 + messages.Sum(m => 2 + m.Length)];
        _session.Write(data);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(data.AsSpan(10), (ulong)Store.Count + 1);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(18), (uint)messages.Count);
        int at = 22;
        foreach (var m in messages)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(at), (ushort)m.Length);
            m.CopyTo(data, at + 2);
            at += 2 + m.Length;
        }
        return data;
    }

    private void Append(ReadOnlySpan<byte> message)
    {
        long sequence = Store.Append(message);
        if (_packetLength + 2 + message.Length > _packet.Length || _packetCount == MoldPacketHeader.EndOfSessionCount - 1)
        {
            Flush();
        }
        if (_packetCount == 0)
        {
            _packetFirst = sequence;
        }
        _packet[_packetLength] = (byte)(message.Length >> 8);
        _packet[_packetLength + 1] = (byte)message.Length;
        message.CopyTo(_packet.AsSpan(_packetLength + 2));
        _packetLength += 2 + message.Length;
        _packetCount++;
    }

    private void Flush()
    {
        if (_packetCount == 0)
        {
            return;
        }
        new MoldPacketHeader(_session, (ulong)_packetFirst, (ushort)_packetCount).Write(_packet);
        Send(_packetLength, live: true);
        _packetLength = MoldPacketHeader.Size;
        _packetCount = 0;
    }

    private void Send(int length, bool live)
    {
        _lastSend = Stopwatch.GetTimestamp();
        PacketsSent++;
        if (live && DropPacket?.Invoke() == true)
        {
            return;
        }
        try
        {
            _socket.SendTo(_packet.AsSpan(0, length), SocketFlags.None, _feedAddress);
        }
        catch (SocketException)
        {
            // Nobody listening (ICMP port unreachable) or a full buffer: UDP is best effort; re-requests recover.
        }
    }

    public void Dispose() => _socket.Dispose();
}
