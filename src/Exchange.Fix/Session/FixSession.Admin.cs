using Exchange.Fix.Codec;

namespace Exchange.Fix.Session;

public sealed partial class FixSession
{
    // Admin messages take the next MsgSeqNum but are not stored: a resend replaces them with a gap fill.
    private delegate void AdminBody<TState>(ref FixMessageWriter writer, TState state);

    private void SendAdmin<TState>(ReadOnlySpan<byte> msgType, TState state, AdminBody<TState> body)
    {
        if (_transport is null)
        {
            return;
        }
        int seq = _store.NextSenderMsgSeqNum;
        long now = Now();
        var writer = new FixMessageWriter(_sendBuffer);
        WriteHeader(ref writer, msgType, seq, now);
        body(ref writer, state);
        int length = writer.Finish();
        _store.SetNextSenderMsgSeqNum(seq + 1);
        Transmit(_sendBuffer.AsSpan(0, length), now);
    }

    private void SendLogonReply(bool resetSeqNum) =>
        SendAdmin("A"u8, (Hb: _heartBtIntSeconds, Reset: resetSeqNum), static (ref FixMessageWriter w, (int Hb, bool Reset) s) =>
        {
            w.Append(FixTag.EncryptMethod, 0);
            w.Append(FixTag.HeartBtInt, s.Hb);
            if (s.Reset)
            {
                w.Append(FixTag.ResetSeqNumFlag, true);
            }
        });

    private void SendHeartbeat(ReadOnlySpan<byte> testReqId)
    {
        byte[]? id = testReqId.IsEmpty ? null : testReqId.ToArray();
        SendAdmin("0"u8, id, static (ref FixMessageWriter w, byte[]? id) =>
        {
            if (id is not null)
            {
                w.Append(FixTag.TestReqId, id);
            }
        });
    }

    private void SendTestRequest()
    {
        long id = ++_testRequestCounter;
        SendAdmin("1"u8, id, static (ref FixMessageWriter w, long id) => w.Append(FixTag.TestReqId, id));
    }

    private void SendResendRequest(int begin)
    {
        Log?.Invoke(this, $"gap: sending ResendRequest {begin} to infinity");
        SendAdmin("2"u8, begin, static (ref FixMessageWriter w, int begin) =>
        {
            w.Append(FixTag.BeginSeqNo, begin);
            w.Append(FixTag.EndSeqNo, 0);
        });
    }

    private void SendReject(int refSeqNum, ReadOnlySpan<byte> refMsgType, SessionRejectReason reason, int refTagId, string text)
    {
        Log?.Invoke(this, $"Reject of {refSeqNum}: {reason} tag {refTagId}: {text}");
        byte[] msgType = refMsgType.ToArray();
        SendAdmin("3"u8, (refSeqNum, msgType, reason, refTagId, text),
            static (ref FixMessageWriter w, (int Seq, byte[] MsgType, SessionRejectReason Reason, int Tag, string Text) s) =>
            {
                w.Append(FixTag.RefSeqNum, s.Seq);
                if (s.Tag > 0)
                {
                    w.Append(FixTag.RefTagId, s.Tag);
                }
                if (s.MsgType.Length > 0 && !s.MsgType.AsSpan().Contains((byte)1))
                {
                    w.Append(FixTag.RefMsgType, s.MsgType);
                }
                w.Append(FixTag.SessionRejectReason, (long)s.Reason);
                w.AppendString(FixTag.Text, s.Text);
            });
    }

    private void SendLogout(string? text)
    {
        Log?.Invoke(this, $"sending Logout: {text}");
        SendAdmin("5"u8, text, static (ref FixMessageWriter w, string? text) =>
        {
            if (!string.IsNullOrEmpty(text))
            {
                w.AppendString(FixTag.Text, text);
            }
        });
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
