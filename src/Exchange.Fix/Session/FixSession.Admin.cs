using Exchange.Fix.Codec;

namespace Exchange.Fix.Session;

public sealed partial class FixSession
{
    // Admin messages take the next MsgSeqNum but are not stored: a resend replaces them with a gap fill.
    // StartAdmin writes the header into the send buffer; the caller appends the body; SendAdmin finishes and sends.
    private FixMessageWriter StartAdmin(ReadOnlySpan<byte> msgType)
    {
        var writer = new FixMessageWriter(_sendBuffer);
        WriteHeader(ref writer, msgType, _store.NextSenderMsgSeqNum, Now());
        return writer;
    }

    private void SendAdmin(ref FixMessageWriter writer)
    {
        int length = writer.Finish();
        if (_transport is null)
        {
            return;
        }
        _store.SetNextSenderMsgSeqNum(_store.NextSenderMsgSeqNum + 1);
        Transmit(_sendBuffer.AsSpan(0, length), Now());
    }

    private void SendLogonReply(bool resetSeqNum)
    {
        var w = StartAdmin("A"u8);
        w.Append(FixTag.EncryptMethod, 0);
        w.Append(FixTag.HeartBtInt, _heartBtIntSeconds);
        if (resetSeqNum)
        {
            w.Append(FixTag.ResetSeqNumFlag, true);
        }
        SendAdmin(ref w);
    }

    private void SendHeartbeat(ReadOnlySpan<byte> testReqId)
    {
        var w = StartAdmin("0"u8);
        if (!testReqId.IsEmpty)
        {
            w.Append(FixTag.TestReqId, testReqId);
        }
        SendAdmin(ref w);
    }

    private void SendTestRequest()
    {
        var w = StartAdmin("1"u8);
        w.Append(FixTag.TestReqId, ++_testRequestCounter);
        SendAdmin(ref w);
    }

    private void SendResendRequest(int begin)
    {
        Log?.Invoke(this, $"gap: sending ResendRequest {begin} to infinity");
        var w = StartAdmin("2"u8);
        w.Append(FixTag.BeginSeqNo, begin);
        w.Append(FixTag.EndSeqNo, 0);
        SendAdmin(ref w);
    }

    private void SendReject(int refSeqNum, ReadOnlySpan<byte> refMsgType, SessionRejectReason reason, int refTagId, string text)
    {
        Log?.Invoke(this, $"Reject of {refSeqNum}: {reason} tag {refTagId}: {text}");
        var w = StartAdmin("3"u8);
        w.Append(FixTag.RefSeqNum, refSeqNum);
        if (refTagId > 0)
        {
            w.Append(FixTag.RefTagId, refTagId);
        }
        if (!refMsgType.IsEmpty && !refMsgType.Contains((byte)1))
        {
            w.Append(FixTag.RefMsgType, refMsgType);
        }
        w.Append(FixTag.SessionRejectReason, (long)reason);
        w.AppendString(FixTag.Text, text);
        SendAdmin(ref w);
    }

    private void SendLogout(string? text)
    {
        Log?.Invoke(this, $"sending Logout: {text}");
        var w = StartAdmin("5"u8);
        if (!string.IsNullOrEmpty(text))
        {
            w.AppendString(FixTag.Text, text);
        }
        SendAdmin(ref w);
    }

    /// <summary>Logout with a reason, then close at once: for protocol errors, where waiting for an answer is pointless.</summary>
    private void LogoutAndDisconnect(string text)
    {
        SendLogout(text);
        Disconnect(text, graceful: false);
    }

    /// <summary>SequenceReset-GapFill sent in place of messages <paramref name="seq"/> .. <paramref name="newSeqNo"/>-1
    /// while answering a ResendRequest: carries MsgSeqNum <paramref name="seq"/> and does not advance ours.</summary>
    private void SendGapFill(int seq, int newSeqNo)
    {
        long now = Now();
        var writer = new FixMessageWriter(_sendBuffer);
        WriteHeader(ref writer, "4"u8, seq, now);
        writer.Append(FixTag.PossDupFlag, true);
        writer.AppendUtcTimestamp(FixTag.OrigSendingTime, now);
        writer.Append(FixTag.GapFillFlag, true);
        writer.Append(FixTag.NewSeqNo, newSeqNo);
        int length = writer.Finish();
        Transmit(_sendBuffer.AsSpan(0, length), now);
    }
}
