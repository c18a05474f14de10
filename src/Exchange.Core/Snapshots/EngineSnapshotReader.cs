using System.Runtime.CompilerServices;
using System.Buffers.Binary;
using Exchange.Core.Domain;
using Exchange.Core.Matching;

namespace Exchange.Core.Snapshots;

/// <summary>Reads what <see cref="EngineSnapshotWriter"/> wrote, straight from the bytes (a restart reads
/// millions of orders: no per-field calls through a stream); throws <see cref="InvalidDataException"/> on
/// anything malformed (wrong magic, impossible values, truncation).</summary>
internal sealed class EngineSnapshotReader(byte[] bytes, int length)
{
    private int _position;
    private ulong _magic;

    /// <summary>Format 2 (with risk); false for format 1 snapshots written before risk.</summary>
    public bool HasRisk => _magic == EngineSnapshotWriter.Magic;

    public (long Sequence, long LastOrderId, long LastTradeId, int Instruments, int Orders) ReadHeader()
    {
        _magic = ReadUInt64();
        if (_magic is not (EngineSnapshotWriter.Magic or EngineSnapshotWriter.MagicV1))
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ReadOrder(int instrumentCount, out OrderEntry o, out ClientOrderId clientId, out long partner)
    {
        o = default;
        o.OrderId = ReadInt64();
        o.Instrument = ReadInt32();
        o.Account = ReadInt64();
        clientId = ClientOrderId.ReadFrom(Take(ClientOrderId.MaxLength));
        o.Price = ReadInt64();
        o.StopPrice = ReadInt64();
        o.Quantity = ReadInt64();
        o.Visible = ReadInt64();
        o.Hidden = ReadInt64();
        o.Filled = ReadInt64();
        o.Display = ReadInt64();
        o.ExpireTime = ReadInt64();
        partner = ReadInt64();
        o.Side = (Side)ReadByte();
        o.Type = (OrderType)ReadByte();
        o.TimeInForce = (TimeInForce)ReadByte();
        o.Stp = (SelfTradePrevention)ReadByte();
        o.Flags = (OrderFlags)ReadByte();
        o.OnStopBook = ReadByte() != 0;
        o.ExpiryHeapIndex = ReadByte() != 0 ? 0 : -1;
        if (HasRisk)
        {
            o.HoldPrice = ReadInt64();
            o.MakerFeeBps = ReadInt16();
            o.TakerFeeBps = ReadInt16();
        }
        if (o.OrderId <= 0 || o.Visible < 0 || o.Hidden < 0 || (uint)o.Instrument >= (uint)instrumentCount)
        {
            throw new InvalidDataException($"Invalid order {o.OrderId} in snapshot.");
        }
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

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > length - _position)
        {
            throw new InvalidDataException("Snapshot is truncated.");
        }
        var span = new ReadOnlySpan<byte>(bytes, _position, count);
        _position += count;
        return span;
    }

    private long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    private ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    private int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    private uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    private short ReadInt16() => BinaryPrimitives.ReadInt16LittleEndian(Take(2));

    private byte ReadByte() => Take(1)[0];

    private static int Count(int value) =>
        value is >= 0 and <= 100_000_000 ? value : throw new InvalidDataException($"Impossible count {value} in snapshot.");
}
