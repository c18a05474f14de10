using Exchange.Core.Domain;
using Exchange.Fix.Codec;
using Exchange.Fix.Session;

namespace Exchange.Server.Gateways.Fix;

/// <summary>OrderMassCancelReport (35=r): how an OrderMassCancelRequest ended.</summary>
internal struct OrderMassCancelReport : IFixBody
{
    public ClientOrderId ClientId;
    public long ReportId;
    public char RequestType;
    /// <summary>531: '0' rejected, else the request type it was carried out as.</summary>
    public char Response;
    public int RejectReason;
    public long AffectedOrders;
    public Symbol Symbol;
    public string? Text;

    public readonly ReadOnlySpan<byte> MsgType => "r"u8;

    public readonly void WriteBody(ref FixMessageWriter w)
    {
        FixFields.Append(ref w, FixTag.ClOrdId, ClientId);
        w.Append(FixTag.OrderId, ReportId);
        w.Append(FixTag.MassCancelRequestType, RequestType);
        w.Append(FixTag.MassCancelResponse, Response);
        if (Response == '0')
        {
            w.Append(FixTag.MassCancelRejectReason, RejectReason);
        }
        else
        {
            w.Append(FixTag.TotalAffectedOrders, AffectedOrders);
        }
        if (!Symbol.IsEmpty)
        {
            FixFields.Append(ref w, FixTag.Symbol, Symbol);
        }
        if (!string.IsNullOrEmpty(Text))
        {
            w.AppendString(FixTag.Text, Text);
        }
    }
}
