using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Exchange.Core.Domain;
using Exchange.Core.Matching;

namespace Exchange.Core.Snapshots;

/// <summary>Reads what <see cref="EngineSnapshotWriter"/> wrote, straight from the bytes (a restart reads
/// millions of orders: no per-field calls through a stream); throws <see cref="InvalidDataException"/> on
/// anything malformed (wrong magic, impossible values, truncation).
/// The bytes are the caller's (a pinned array or a mapped file) and must stay valid while the reader is used.</summary>
internal sealed unsafe class EngineSnapshotReader(byte* bytes, int length)
{
    private int _position;
    private ulong _magic;

    /// <summary>Format 2 or later (with risk); false for format 1 snapshots written before risk.</summary>
    public bool HasRisk => _magic != EngineSnapshotWriter.MagicV1;

    /// <summary>Format 3 or later: orders carry their entry session.</summary>
    public bool HasEntrySessions => _magic == EngineSnapshotWriter.Magic;

    public (long Sequence, long LastOrderId, long LastTradeId, int Instruments, int Orders) ReadHeader()
    {
        _magic = ReadUInt64();
        if (_magic is not (EngineSnapshotWriter.Magic or EngineSnapshotWriter.MagicV2 or EngineSnapshotWriter.MagicV1))
        {
            throw new InvalidDataException("Not an engine snapshot (bad magic).");
        }
        return (ReadInt64(), ReadInt64(), ReadInt64(), Count(ReadInt32()), Count(ReadInt32()));
    }

    public Instrument ReadInstrument(int id)
    {
        var symbol = Symbol.ReadFrom(Take(Symbol.MaxLength));
        var instrument = new Instrument(id, symbol, ReadInt64(), ReadInt64(), ReadInt64(), ReadInt64(), ReadInt64(), ReadInt32())
        {
            Status = (TradingStatus)ReadByte(),
            LastTradePrice = ReadInt64(),
            SettlementCurrency = HasRisk ? Currency.FromValue(ReadUInt32()) : Currency.Default,
        };
        return instrument;
    }

    public int ReadCount() => Count(ReadInt32());

    /// <summary>Bytes of one order record (<see cref="EngineSnapshotWriter.WriteOrder"/>): format 3, format 2 (no entry
    /// session) and format 1 (no risk fields either).</summary>
    private const int OrderBytes = OrderBytesV2 + 8;
    private const int OrderBytesV2 = OrderBytesV1 + 12;
    private const int OrderBytesV1 = 8 + 4 + 8 + ClientOrderId.MaxLength + 9 * 8 + 7;
    /// <summary>Bytes of an order record in this snapshot's format.</summary>
    private int OrderRecordBytes => HasEntrySessions ? OrderBytes : HasRisk ? OrderBytesV2 : OrderBytesV1;
    /// <summary>Offset of the account and client id in an order record.</summary>
    private const int KeyOffset = 12;

    // A restart reads a million of these: the record is bounds-checked once, then read at fixed offsets.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ReadOrder(int instrumentCount, out OrderEntry o, out long partner)
    {
        bool risk = HasRisk;
        ref byte r = ref MemoryMarshal.GetReference(Take(OrderRecordBytes));
        o = default;
        o.OrderId = Int64(ref r, 0);
        o.Instrument = Int32(ref r, 8);
        o.Account = Int64(ref r, 12);
        o.ClientId = ClientOrderId.ReadFrom(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref r, 20), ClientOrderId.MaxLength));
        const int f = 20 + ClientOrderId.MaxLength;
        o.Price = Int64(ref r, f);
        o.StopPrice = Int64(ref r, f + 8);
        o.Quantity = Int64(ref r, f + 16);
        o.Visible = Int64(ref r, f + 24);
        o.Hidden = Int64(ref r, f + 32);
        o.Filled = Int64(ref r, f + 40);
        o.Display = Int64(ref r, f + 48);
        o.ExpireTime = Int64(ref r, f + 56);
        partner = Int64(ref r, f + 64);
        const int b = f + 72;
        o.Side = (Side)Unsafe.Add(ref r, b);
        o.Type = (OrderType)Unsafe.Add(ref r, b + 1);
        o.TimeInForce = (TimeInForce)Unsafe.Add(ref r, b + 2);
        o.Stp = (SelfTradePrevention)Unsafe.Add(ref r, b + 3);
        o.Flags = (OrderFlags)Unsafe.Add(ref r, b + 4);
        o.OnStopBook = Unsafe.Add(ref r, b + 5) != 0;
        o.ExpiryHeapIndex = Unsafe.Add(ref r, b + 6) != 0 ? 0 : -1;
        if (risk)
        {
            o.HoldPrice = Int64(ref r, OrderBytesV1);
            o.MakerFeeBps = Int16(ref r, OrderBytesV1 + 8);
            o.TakerFeeBps = Int16(ref r, OrderBytesV1 + 10);
        }
        o.EntrySession = HasEntrySessions ? Int64(ref r, OrderBytesV2) : 0;
        if (o.OrderId <= 0 || o.Visible < 0 || o.Hidden < 0 || (uint)o.Instrument >= (uint)instrumentCount)
        {
            throw new InvalidDataException($"Invalid order {o.OrderId} in snapshot.");
        }
    }

    /// <summary>The account and client id of the order record <paramref name="ahead"/> records after the next one, without
    /// moving; false past the end of the buffer. Only for prefetching: the bytes there may be something else.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool PeekOrderKey(int ahead, out long account, out ClientOrderId clientId)
    {
        long at = _position + (long)ahead * OrderRecordBytes + KeyOffset;
        if (at + 8 + ClientOrderId.MaxLength > length)
        {
            account = 0;
            clientId = default;
            return false;
        }
        ref byte r = ref bytes[at];
        account = Int64(ref r, 0);
        clientId = ClientOrderId.ReadFrom(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref r, 8), ClientOrderId.MaxLength));
        return true;
    }

    /// <summary>Where the next read starts (bytes from the start); set it only to a value it had.</summary>
    public int Position
    {
        get => _position;
        set => _position = value >= 0 && value <= length ? value : throw new InvalidDataException("Snapshot is truncated.");
    }

    /// <summary>The id of the order record <paramref name="index"/> records after the next one, without moving.</summary>
    public long PeekOrderRecordId(int index)
    {
        long at = _position + (long)index * OrderRecordBytes;
        if (at < 0 || at + 8 > length)
        {
            ThrowTruncated();
        }
        return Int64(ref bytes[at], 0);
    }

    /// <summary>Moves past <paramref name="count"/> order records.</summary>
    public void SkipOrderRecords(int count) => Take(checked(count * OrderRecordBytes));

    /// <summary>The order id <paramref name="ahead"/> ids after the next one in a level's queue, without moving (the
    /// caller knows the level has that many left).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long PeekOrderId(int ahead)
    {
        long at = _position + (long)ahead * 8;
        return at + 8 <= length ? Int64(ref bytes[at], 0) : 0;
    }

    public (long Price, int Orders) ReadLevel() => (ReadInt64(), Count(ReadInt32()));

    public long ReadOrderId() => ReadInt64();

    /// <summary>The risk state (format 2); null for format 1.</summary>
    public long[]? ReadRiskState()
    {
        if (!HasRisk)
        {
            return null;
        }
        var state = new long[Count(ReadInt32())];
        for (int i = 0; i < state.Length; i++)
        {
            state[i] = ReadInt64();
        }
        return state;
    }

    public ulong ReadTrailer()
    {
        ulong digest = ReadUInt64();
        if (ReadUInt64() != _magic)
        {
            throw new InvalidDataException("Snapshot trailer missing.");
        }
        return digest;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > length - _position)
        {
            ThrowTruncated();
        }
        var span = new ReadOnlySpan<byte>(bytes + _position, count);
        _position += count;
        return span;
    }

    [DoesNotReturn]
    private static void ThrowTruncated() => throw new InvalidDataException("Snapshot is truncated.");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Int64(ref byte at, int offset) => BitConverter.IsLittleEndian
        ? Unsafe.ReadUnaligned<long>(ref Unsafe.Add(ref at, offset))
        : BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<long>(ref Unsafe.Add(ref at, offset)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Int32(ref byte at, int offset) => BitConverter.IsLittleEndian
        ? Unsafe.ReadUnaligned<int>(ref Unsafe.Add(ref at, offset))
        : BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<int>(ref Unsafe.Add(ref at, offset)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static short Int16(ref byte at, int offset) => BitConverter.IsLittleEndian
        ? Unsafe.ReadUnaligned<short>(ref Unsafe.Add(ref at, offset))
        : BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<short>(ref Unsafe.Add(ref at, offset)));

    private long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    private ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    private int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    private uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    private short ReadInt16() => BinaryPrimitives.ReadInt16LittleEndian(Take(2));

    private byte ReadByte() => Take(1)[0];

    private static int Count(int value) =>
        value is >= 0 and <= 100_000_000 ? value : throw new InvalidDataException($"Impossible count {value} in snapshot.");
}
