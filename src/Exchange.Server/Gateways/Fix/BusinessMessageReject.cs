using Exchange.Fix.Codec;
using Exchange.Fix.Session;

namespace Exchange.Server.Gateways.Fix;

/// <summary>BusinessMessageReject (35=j): an application message we do not support (380=3) or cannot take (380=0).</summary>
internal readonly struct BusinessMessageReject(int refSeqNum, byte[] refMsgType, int reason, string text) : IFixBody
{
    public ReadOnlySpan<byte> MsgType => "j"u8;

    public void WriteBody(ref FixMessageWriter w)
    {
        w.Append(FixTag.RefSeqNum, refSeqNum);
        w.Append(FixTag.RefMsgType, refMsgType);
        w.Append(FixTag.BusinessRejectReason, reason);
        w.AppendString(FixTag.Text, text);
    }
}
