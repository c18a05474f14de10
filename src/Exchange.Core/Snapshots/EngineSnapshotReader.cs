using System.Text;
using Exchange.Core.Domain;
using Exchange.Core.Matching;

namespace Exchange.Core.Snapshots;

/// <summary>Reads what <see cref="EngineSnapshotWriter"/> wrote; throws <see cref="InvalidDataException"/> on
/// anything malformed (wrong magic, impossible values, truncation).</summary>
internal sealed class EngineSnapshotReader(Stream stream)
{
    private readonly BinaryReader _reader = new(stream, Encoding.ASCII, leaveOpen: true);

    public (long Sequence, long LastOrderId, long LastTradeId, int Instruments) ReadHeader()
    {
        if (Read(r => r.ReadUInt64()) != EngineSnapshotWriter.Magic)
        {
            throw new InvalidDataException("Not an engine snapshot (bad magic).");
        }
        return Read(r => (r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), Count(r.ReadInt32())));
    }

    public Instrument ReadInstrument(int id) => Read(r =>
    {
        var symbol = Symbol.ReadFrom(ReadExactly(r, Symbol.MaxLength));
        var instrument = new Instrument(id, symbol, r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt32())
        {
            Status = (TradingStatus)r.ReadByte(),
            LastTradePrice = r.ReadInt64(),
        };
        return instrument;
    });

    public int ReadCount() => Read(r => Count(r.ReadInt32()));

    public (OrderEntry Entry, ClientOrderId ClientId, long PartnerOrderId) ReadOrder(int instrumentCount) => Read(r =>
    {
        var o = new OrderEntry();
        o.OrderId = r.ReadInt64();
        o.Instrument = r.ReadInt32();
        o.Account = r.ReadInt64();
        var clientId = ClientOrderId.ReadFrom(ReadExactly(r, ClientOrderId.MaxLength));
        o.Price = r.ReadInt64();
        o.StopPrice = r.ReadInt64();
        o.Quantity = r.ReadInt64();
        o.Visible = r.ReadInt64();
        o.Hidden = r.ReadInt64();
        o.Filled = r.ReadInt64();
        o.Display = r.ReadInt64();
        o.ExpireTime = r.ReadInt64();
        long partner = r.ReadInt64();
        o.Side = (Side)r.ReadByte();
        o.Type = (OrderType)r.ReadByte();
        o.TimeInForce = (TimeInForce)r.ReadByte();
        o.Stp = (SelfTradePrevention)r.ReadByte();
        o.Flags = (OrderFlags)r.ReadByte();
        o.OnStopBook = r.ReadBoolean();
        o.ExpiryHeapIndex = r.ReadBoolean() ? 0 : -1;
        if (o.OrderId <= 0 || o.Visible < 0 || o.Hidden < 0 || (uint)o.Instrument >= (uint)instrumentCount)
        {
            throw new InvalidDataException($"Invalid order {o.OrderId} in snapshot.");
        }
        return (o, clientId, partner);
    });

    public (long Price, int Orders) ReadLevel() => Read(r => (r.ReadInt64(), Count(r.ReadInt32())));

    public long ReadOrderId() => Read(r => r.ReadInt64());

    public ulong ReadTrailer()
    {
        ulong digest = Read(r => r.ReadUInt64());
        if (Read(r => r.ReadUInt64()) != EngineSnapshotWriter.Magic)
        {
            throw new InvalidDataException("Snapshot trailer missing.");
        }
        return digest;
    }

    private static byte[] ReadExactly(BinaryReader reader, int count)
    {
        byte[] bytes = reader.ReadBytes(count);
        return bytes.Length == count ? bytes : throw new EndOfStreamException();
    }

    private static int Count(int value) =>
        value is >= 0 and <= 100_000_000 ? value : throw new InvalidDataException($"Impossible count {value} in snapshot.");

    private T Read<T>(Func<BinaryReader, T> read)
    {
        try
        {
            return read(_reader);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("Snapshot is truncated.", e);
        }
    }
}
