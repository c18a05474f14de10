using System.Text;
using Exchange.Core.Domain;
using Exchange.Core.Matching;

namespace Exchange.Core.Snapshots;

/// <summary>Binary writer of the engine snapshot format (little-endian; layout in docs/snapshots.md):
/// header, instruments, live orders in ascending order id, every instrument's four queues as order ids,
/// then the state digest. Not on the hot path: allocation is fine here.</summary>
internal sealed class EngineSnapshotWriter(Stream stream)
{
    /// <summary>"EXSNAP01": the format before risk (still read).</summary>
    public const ulong MagicV1 = 0x3130_5041_4E53_5845;

    /// <summary>"EXSNAP02": the format before orders kept their entry session (still read).</summary>
    public const ulong MagicV2 = 0x3230_5041_4E53_5845;

    /// <summary>"EXSNAP03": identifies the format and its version. Version 2 added settlement currencies, order holds and
    /// the risk state; version 3 each order's entry session.</summary>
    public const ulong Magic = 0x3330_5041_4E53_5845;

    private readonly BinaryWriter _writer = new(stream, Encoding.ASCII, leaveOpen: true);

    public void WriteHeader(long sequence, long lastOrderId, long lastTradeId, int instruments, int orders)
    {
        _writer.Write(Magic);
        _writer.Write(sequence);
        _writer.Write(lastOrderId);
        _writer.Write(lastTradeId);
        _writer.Write(instruments);
        _writer.Write(orders); // lets a reader size the engine's pools before restoring
    }

    public void WriteInstrument(Instrument instrument)
    {
        Span<byte> symbol = stackalloc byte[Symbol.MaxLength];
        instrument.Symbol.WriteTo(symbol);
        _writer.Write(symbol);
        _writer.Write(instrument.TickSize);
        _writer.Write(instrument.LotSize);
        _writer.Write(instrument.MinQuantity);
        _writer.Write(instrument.MaxQuantity);
        _writer.Write(instrument.ReferencePrice);
        _writer.Write(instrument.CollarBasisPoints);
        _writer.Write((byte)instrument.Status);
        _writer.Write(instrument.LastTradePrice);
        _writer.Write(instrument.SettlementCurrency.Value);
    }

    public void WriteCount(int count) => _writer.Write(count);

    public void WriteOrder(in OrderEntry o, long partnerOrderId)
    {
        _writer.Write(o.OrderId);
        _writer.Write(o.Instrument);
        _writer.Write(o.Account);
        Span<byte> id = stackalloc byte[ClientOrderId.MaxLength];
        o.ClientId.WriteTo(id);
        _writer.Write(id);
        _writer.Write(o.Price);
        _writer.Write(o.StopPrice);
        _writer.Write(o.Quantity);
        _writer.Write(o.Visible);
        _writer.Write(o.Hidden);
        _writer.Write(o.Filled);
        _writer.Write(o.Display);
        _writer.Write(o.ExpireTime);
        _writer.Write(partnerOrderId);
        _writer.Write((byte)o.Side);
        _writer.Write((byte)o.Type);
        _writer.Write((byte)o.TimeInForce);
        _writer.Write((byte)o.Stp);
        _writer.Write((byte)o.Flags);
        _writer.Write(o.OnStopBook);
        _writer.Write(o.ExpiryHeapIndex >= 0);
        _writer.Write(o.HoldPrice);
        _writer.Write(o.MakerFeeBps);
        _writer.Write(o.TakerFeeBps);
        _writer.Write(o.EntrySession);
    }

    public void WriteLevel(long price, int orders)
    {
        _writer.Write(price);
        _writer.Write(orders);
    }

    public void WriteOrderId(long orderId) => _writer.Write(orderId);

    /// <summary>The risk state as counted numbers.</summary>
    public void WriteRiskState(List<long> state)
    {
        _writer.Write(state.Count);
        foreach (long value in state)
        {
            _writer.Write(value);
        }
    }

    public void WriteTrailer(ulong digest)
    {
        _writer.Write(digest);
        _writer.Write(Magic);
        _writer.Flush();
    }
}
