using Exchange.Binary.Framing;
using Exchange.Binary.Messages;
using Exchange.Core.Domain;
using Exchange.Server.Pipeline;

namespace Exchange.Server.Gateways.Binary;

/// <summary>One sequenced outbound stream of the binary gateway, named by username and stream name: what its
/// connections receive, numbered from 1. It is the hub's session (it stays attached while no connection is
/// logged in, so fills that happen meanwhile are kept for the replay) and keeps the last
/// <see cref="Capacity"/> messages in memory, formatted as sequenced-data packets, one fixed slot each.
/// The stream lives as long as the server process: a restart starts a new instance (docs/binary-protocol.md).
/// Thread-safety: appends (responder threads, the connection's reader) and reads (the connection's writer)
/// take the stream's lock; each holds it for a copy of a few hundred bytes at most per message.</summary>
internal sealed class BinaryStream : IOrderEntrySession
{
    /// <summary>Bytes per slot: the longest server message (<see cref="OrderReplaced"/>, 152) plus the packet header, rounded up.</summary>
    public const int SlotSize = 160;

    private readonly Lock _lock = new();
    private readonly byte[] _slots;
    private readonly int _mask;
    private ulong _next = 1;
    private ulong _first = 1;
    private BinaryConnection? _connection;
    private int _flushPending;

    public BinaryStream(long sessionId, long account, string username, string name, ulong instance, int capacity)
    {
        if (capacity <= 0 || (capacity & (capacity - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), "The capacity must be a power of two.");
        }
        SessionId = sessionId;
        Account = account;
        Username = username;
        Name = name;
        EntrySession = EntrySessionId.ForBinary(username, name);
        Instance = instance;
        Capacity = capacity;
        _slots = new byte[capacity * SlotSize];
        _mask = capacity - 1;
    }

    public long SessionId { get; }

    public long Account { get; }

    public string Username { get; }

    public string Name { get; }

    /// <summary>Stamped on the orders entered on this stream (<see cref="EntrySessionId.ForBinary"/>): the same for
    /// every connection and incarnation of the stream.</summary>
    public long EntrySession { get; }

    /// <summary>Identifies this incarnation of the stream (see <see cref="LoginAccepted.StreamInstance"/>).</summary>
    public ulong Instance { get; }

    public int Capacity { get; }

    /// <summary>A stream saved at a clean shutdown (<see cref="BinaryStreamFile"/>): same instance, numbering
    /// continues at <paramref name="next"/>, the saved messages (oldest first, one slot each) replayable.</summary>
    public BinaryStream(long sessionId, long account, string username, string name, ulong instance, int capacity, ulong next, ReadOnlySpan<byte> saved)
        : this(sessionId, account, username, name, instance, capacity)
    {
        int count = saved.Length / SlotSize;
        int keep = Math.Min(count, capacity);
        _next = next - (ulong)keep;
        for (int i = count - keep; i < count; i++)
        {
            var slot = saved.Slice(i * SlotSize, SlotSize);
            slot.CopyTo(_slots.AsSpan((int)((_next - 1) & (ulong)_mask) * SlotSize, SlotSize));
            _next++;
        }
        _next = next;
        _first = next - (ulong)keep;
    }

    /// <summary>The retained messages, oldest first, one slot each, and the next sequence number.</summary>
    public (ulong Next, byte[] Slots) Export()
    {
        lock (_lock)
        {
            ulong oldest = Oldest;
            var slots = new byte[checked((int)(_next - oldest)) * SlotSize];
            for (ulong s = oldest; s < _next; s++)
            {
                _slots.AsSpan((int)((s - 1) & (ulong)_mask) * SlotSize, SlotSize).CopyTo(slots.AsSpan((int)(s - oldest) * SlotSize));
            }
            return (_next, slots);
        }
    }

    /// <summary>The sequence number the next message will get.</summary>
    public ulong NextSequence
    {
        get
        {
            lock (_lock)
            {
                return _next;
            }
        }
    }

    /// <summary>Oldest sequence number still held: the first one (1, or the oldest restored) until the ring wraps.</summary>
    private ulong Oldest => _next > (ulong)Capacity && _next - (ulong)Capacity > _first ? _next - (ulong)Capacity : _first;

    public void OnExchangeEvent(in OutboundSlot slot, bool ownCommand)
    {
        BinaryConnection? connection;
        ulong next;
        lock (_lock)
        {
            BinaryEventEncoder.Encode(this, in slot, ownCommand);
            connection = _connection;
            next = _next;
        }
        if (connection is null || IsFarBehind(connection, next))
        {
            return;
        }
        // Sent at the end of the responder's batch, from the responder thread (one write for the whole batch, and no
        // wake-up of the writer in between). The flag is set after the append: a flush that clears it first and then
        // copies sees this message, or this call sees the flag clear and asks again.
        if (Interlocked.Exchange(ref _flushPending, 1) == 0)
        {
            OrderEntryHub.FlushAtBatchEnd(this);
        }
    }

    /// <summary>The end of a responder batch that appended to this stream: the connection sends it now.</summary>
    public void OnBatchEnd()
    {
        Interlocked.Exchange(ref _flushPending, 0);
        BinaryConnection? connection;
        lock (_lock)
        {
            connection = _connection;
        }
        connection?.SendNow();
    }

    /// <summary>Whether the stream holds messages beyond <paramref name="cursor"/>.</summary>
    public bool HasMessagesFrom(ulong cursor)
    {
        lock (_lock)
        {
            return cursor < _next;
        }
    }

    /// <summary>Wakes the connection's writer, or closes the connection if it has fallen so far behind that its
    /// next message is already overwritten (a client that stopped reading: its writer may be stuck in a send
    /// that never completes and would not notice by itself).</summary>
    private void Notify(BinaryConnection? connection, ulong next)
    {
        if (connection is not null && !IsFarBehind(connection, next))
        {
            connection.Wake();
        }
    }

    /// <summary>Closes the connection (and says so) if its next message is already overwritten.</summary>
    private bool IsFarBehind(BinaryConnection connection, ulong next)
    {
        // The cursor may already be past `next` (another appender added more and the writer sent it): not behind.
        ulong cursor = connection.Cursor;
        if (next > cursor && next - cursor > (ulong)Capacity)
        {
            connection.Close();
            return true;
        }
        return false;
    }

    /// <summary>Appends the gateway's own reject of a client message that never reached the engine.</summary>
    public void AppendReject(ClientMessageType type, BinaryRejectReason reason, ClientOrderId clientOrderId, ClientOrderId origClientOrderId, Symbol symbol)
    {
        BinaryConnection? connection;
        ulong next;
        lock (_lock)
        {
            var reject = new OrderRejected
            {
                RejectedMessageType = type, Reason = reason, ClientOrderId = clientOrderId, OrigClientOrderId = origClientOrderId, Symbol = symbol,
            };
            reject.WriteTo(Append(OrderRejected.Length));
            connection = _connection;
            next = _next;
        }
        Notify(connection, next);
    }

    /// <summary>Room for the next message of <paramref name="length"/> bytes: the caller writes it at once,
    /// under the lock (only <see cref="BinaryEventEncoder"/> and this class call it).</summary>
    internal Span<byte> Append(int length)
    {
        var slot = _slots.AsSpan((int)((_next - 1) & (ulong)_mask) * SlotSize, SlotSize);
        Packet.WriteHeader(slot, PacketType.SequencedData, length);
        _next++;
        return slot.Slice(Packet.HeaderLength, length);
    }

    /// <summary>Makes <paramref name="connection"/> the stream's one connection, starting at
    /// <paramref name="requested"/> (0: only new messages; past the end: the end).</summary>
    public LoginRejectReason? TryConnect(BinaryConnection connection, ulong requested, out LoginAccepted accepted)
    {
        lock (_lock)
        {
            accepted = default;
            if (_connection is not null)
            {
                return LoginRejectReason.StreamInUse;
            }
            if (requested != 0 && requested < Oldest)
            {
                return LoginRejectReason.SequenceNotAvailable;
            }
            ulong start = requested == 0 || requested > _next ? _next : requested;
            connection.StartAt(start); // before it is visible to appenders, which compare its cursor
            _connection = connection;
            accepted = new LoginAccepted(Instance, start, Oldest);
            return null;
        }
    }

    public void Disconnect(BinaryConnection connection)
    {
        lock (_lock)
        {
            if (ReferenceEquals(_connection, connection))
            {
                _connection = null;
            }
        }
    }

    /// <summary>Copies whole packets from sequence <paramref name="cursor"/> on into <paramref name="destination"/>
    /// and advances the cursor. Returns the bytes copied, or -1 if the cursor's messages were already
    /// overwritten (the reader fell more than <see cref="Capacity"/> messages behind).</summary>
    public int CopyFrom(ref ulong cursor, Span<byte> destination)
    {
        lock (_lock)
        {
            if (cursor < Oldest)
            {
                return -1;
            }
            int written = 0;
            while (cursor < _next)
            {
                var slot = _slots.AsSpan((int)((cursor - 1) & (ulong)_mask) * SlotSize, SlotSize);
                int length = 2 + (slot[0] | (slot[1] << 8));
                if (written + length > destination.Length)
                {
                    break;
                }
                slot[..length].CopyTo(destination[written..]);
                written += length;
                cursor++;
            }
            return written;
        }
    }
}
