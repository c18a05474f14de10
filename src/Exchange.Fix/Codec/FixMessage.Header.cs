namespace Exchange.Fix.Codec;

public sealed partial class FixMessage
{
    private int _msgTypeIndex = -1;
    private int _senderIndex = -1;
    private int _targetIndex = -1;

    /// <summary>MsgType (35) of the last valid parse, e.g. "D"; empty if none.</summary>
    public ReadOnlySpan<byte> MsgType => Value(_msgTypeIndex);

    /// <summary>MsgSeqNum (34); 0 if the last parse failed.</summary>
    public int MsgSeqNum { get; private set; }

    /// <summary>SenderCompID (49).</summary>
    public ReadOnlySpan<byte> SenderCompId => Value(_senderIndex);

    /// <summary>TargetCompID (56).</summary>
    public ReadOnlySpan<byte> TargetCompId => Value(_targetIndex);

    /// <summary>SendingTime (52) in nanoseconds since the Unix epoch.</summary>
    public long SendingTime { get; private set; }

    /// <summary>PossDupFlag (43); false when absent.</summary>
    public bool PossDupFlag { get; private set; }

    private ReadOnlySpan<byte> Value(int index) => index < 0 ? default : _bytes.AsSpan(_offsets[index], _lengths[index]);

    private void ClearHeader()
    {
        _msgTypeIndex = _senderIndex = _targetIndex = -1;
        MsgSeqNum = 0;
        SendingTime = 0;
        PossDupFlag = false;
    }

    // The standard header fields every message needs before the session layer can act on it.
    private FixParseResult ReadHeader()
    {
        _senderIndex = IndexOf(FixTag.SenderCompId);
        if (_senderIndex < 0)
        {
            return FixParseResult.Reject(SessionRejectReason.RequiredTagMissing, FixTag.SenderCompId);
        }
        _targetIndex = IndexOf(FixTag.TargetCompId);
        if (_targetIndex < 0)
        {
            return FixParseResult.Reject(SessionRejectReason.RequiredTagMissing, FixTag.TargetCompId);
        }
        if (IndexOf(FixTag.MsgSeqNum) < 0)
        {
            return FixParseResult.Reject(SessionRejectReason.RequiredTagMissing, FixTag.MsgSeqNum);
        }
        if (!TryGetInt(FixTag.MsgSeqNum, out int seqNum) || seqNum < 1)
        {
            return FixParseResult.Reject(SessionRejectReason.IncorrectDataFormatForValue, FixTag.MsgSeqNum);
        }
        if (IndexOf(FixTag.SendingTime) < 0)
        {
            return FixParseResult.Reject(SessionRejectReason.RequiredTagMissing, FixTag.SendingTime);
        }
        if (!TryGetUtcTimestamp(FixTag.SendingTime, out long sendingTime))
        {
            return FixParseResult.Reject(SessionRejectReason.IncorrectDataFormatForValue, FixTag.SendingTime);
        }
        bool possDup = false;
        if (IndexOf(FixTag.PossDupFlag) >= 0 && !TryGetBool(FixTag.PossDupFlag, out possDup))
        {
            return FixParseResult.Reject(SessionRejectReason.ValueIsIncorrectForThisTag, FixTag.PossDupFlag);
        }
        _msgTypeIndex = 2;
        MsgSeqNum = seqNum;
        SendingTime = sendingTime;
        PossDupFlag = possDup;
        return FixParseResult.Valid;
    }
}
