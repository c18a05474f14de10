using Exchange.Fix.Codec;

namespace Exchange.Fix.Session;

public sealed partial class FixSession
{
    /// <summary>Answers a ResendRequest from the store: stored application messages go again with PossDupFlag=Y,
    /// OrigSendingTime = their first SendingTime and a new SendingTime; every run of numbers without one (admin
    /// messages) becomes one SequenceReset-GapFill. EndSeqNo 0 (or beyond our last) means up to our last.</summary>
    private void OnResendRequest(FixMessage request)
    {
        if (!request.TryGetInt(FixTag.BeginSeqNo, out int begin) || !request.TryGetInt(FixTag.EndSeqNo, out int end))
        {
            SendReject(request.MsgSeqNum, request.MsgType, SessionRejectReason.RequiredTagMissing,
                request.Contains(FixTag.BeginSeqNo) ? FixTag.EndSeqNo : FixTag.BeginSeqNo, "BeginSeqNo and EndSeqNo required");
            return;
        }
        int last = _store.NextSenderMsgSeqNum - 1;
        if (end == 0 || end > last)
        {
            end = last;
        }
        if (begin < 1 || begin > end)
        {
            Log?.Invoke(this, $"ResendRequest {begin}..{end}: nothing to resend (last sent {last})");
            return;
        }
        Log?.Invoke(this, $"resending {begin}..{end}");
        int gapStart = 0;
        for (int seq = begin; seq <= end && _transport is not null; seq++)
        {
            if (_store.TryGet(seq, out byte[] stored) && Resend(stored, seq))
            {
                continue;
            }
            if (gapStart == 0)
            {
                gapStart = seq;
            }
            if (seq == end || _store.Contains(seq + 1))
            {
                SendGapFill(gapStart, seq + 1);
                gapStart = 0;
            }
        }
    }

    /// <summary>Re-sends a stored message under its own number; false (then it is gap-filled) if it cannot be read.</summary>
    private bool Resend(byte[] stored, int seq)
    {
        if (!_resendMessage.Parse(stored).IsValid)
        {
            return false;
        }
        long now = Now();
        var writer = new FixMessageWriter(_sendBuffer);
        WriteHeader(ref writer, _resendMessage.MsgType, seq, now);
        writer.Append(FixTag.PossDupFlag, true);
        writer.AppendUtcTimestamp(FixTag.OrigSendingTime, _resendMessage.SendingTime);
        for (int i = 0; i < _resendMessage.FieldCount; i++)
        {
            int tag = _resendMessage.TagAt(i);
            if (!FixTag.IsHeaderOrTrailer(tag))
            {
                writer.Append(tag, _resendMessage.ValueAt(i));
            }
        }
        int length = writer.Finish();
        Transmit(_sendBuffer.AsSpan(0, length), now);
        return true;
    }
}
