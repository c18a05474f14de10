using Exchange.Core.Domain;
using Exchange.Fix.Codec;
using Exchange.Fix.Session;

namespace Exchange.Server.Gateways.Fix;

/// <summary>OrderCancelReject (35=9): a cancel (434=1) or cancel/replace (434=2) that was refused.</summary>
internal struct OrderCancelReject : IFixBody
{
    public long OrderId;
    public ClientOrderId ClientId;
    public ClientOrderId OrigClientId;
    public char OrdStatus;
    public char ResponseTo;
    public int Reason;
    public string? Text;

    public readonly ReadOnlySpan<byte> MsgType => "9"u8;

    public readonly void WriteBody(ref FixMessageWriter w)
    {
        if (OrderId > 0)
        {
            w.Append(FixTag.OrderId, OrderId);
        }
        else
        {
            w.Append(FixTag.OrderId, "NONE"u8);
        }
        FixFields.Append(ref w, FixTag.ClOrdId, ClientId);
        FixFields.Append(ref w, FixTag.OrigClOrdId, OrigClientId);
        w.Append(FixTag.OrdStatus, OrdStatus);
        w.Append(FixTag.CxlRejResponseTo, ResponseTo);
        w.Append(FixTag.CxlRejReason, Reason);
        if (!string.IsNullOrEmpty(Text))
        {
            w.AppendString(FixTag.Text, Text);
        }
    }
}
