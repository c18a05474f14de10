using System.Security.Cryptography;
using System.Text;
using Exchange.Fix.Codec;

namespace Exchange.Fix.Session;

public sealed partial class FixSession
{
    /// <summary>A framed message from the bound connection (garbled frames never get here: the transport drops them,
    /// and the expected sequence number does not move). <paramref name="parse"/> is the result of parsing it.
    /// Never throws on message content.</summary>
    public void OnMessage(IFixTransport from, FixMessage message, FixParseResult parse)
    {
        lock (_lock)
        {
            if (!ReferenceEquals(_transport, from))
            {
                return;
            }
            _lastReceivedAt = Now();
            _testRequestOutstanding = false;
            if (State == FixSessionState.AwaitingLogon)
            {
                OnLogon(message, parse);
                return;
            }
            if (!parse.IsValid)
            {
                OnInvalid(message, parse);
                return;
            }
            if (!CheckCompIds(message) || !CheckSendingTime(message))
            {
                return;
            }
            ReadOnlySpan<byte> type = message.MsgType;
            if (IsType(type, 'A'))
            {
                // A second Logon on a logged-on session: the counterparty is confused; end it.
                LogoutAndDisconnect("Logon received while logged on");
                return;
            }
            if (IsType(type, '4') && !IsGapFill(message))
            {
                OnSequenceReset(message); // Reset mode ignores MsgSeqNum
                return;
            }
            int seq = message.MsgSeqNum;
            int expected = _store.NextTargetMsgSeqNum;
            if (seq < expected)
            {
                if (message.PossDupFlag)
                {
                    return; // a duplicate of something already processed
                }
                LogoutAndDisconnect($"MsgSeqNum too low, expecting {expected} but received {seq}");
                return;
            }
            if (seq > expected)
            {
                OnGap(message, expected);
                return;
            }
            if (message.PossDupFlag && !IsType(type, '4') && !CheckOrigSendingTime(message))
            {
                return;
            }
            Dispatch(message);
        }
    }

    private static bool IsType(ReadOnlySpan<byte> type, char c) => type.Length == 1 && type[0] == c;

    private static bool IsGapFill(FixMessage message) => message.TryGetBool(FixTag.GapFillFlag, out bool gapFill) && gapFill;

    private void Consume() => _store.SetNextTargetMsgSeqNum(_store.NextTargetMsgSeqNum + 1);

    /// <summary>A framed message that failed parsing: Reject with the parser's reason and consume its number; if even
    /// MsgSeqNum could not be read, the stream cannot be trusted: Logout.</summary>
    private void OnInvalid(FixMessage message, FixParseResult parse)
    {
        // The parser stops at the first problem; the header fields before it may still be readable.
        int seq = message.MsgSeqNum;
        if (seq == 0 && (!message.TryGetInt(FixTag.MsgSeqNum, out seq) || seq < 1))
        {
            LogoutAndDisconnect($"invalid standard header: {parse.Reason} (tag {parse.RefTagId})");
            return;
        }
        int expected = _store.NextTargetMsgSeqNum;
        if (seq > expected)
        {
            if (expected > _resendRequestedThrough)
            {
                SendResendRequest(expected);
            }
            _resendRequestedThrough = Math.Max(_resendRequestedThrough, seq);
            return;
        }
        if (seq < expected)
        {
            if (!(message.TryGetBool(FixTag.PossDupFlag, out bool possDup) && possDup))
            {
                LogoutAndDisconnect($"MsgSeqNum too low, expecting {expected} but received {seq}");
            }
            return;
        }
        message.TryGetSpan(FixTag.MsgType, out var msgType);
        SendReject(seq, msgType, parse.Reason, parse.RefTagId, $"invalid message: {parse.Reason}");
        Consume();
    }

    private void OnGap(FixMessage message, int expected)
    {
        int seq = message.MsgSeqNum;
        if (IsType(message.MsgType, '5'))
        {
            OnLogout(); // a Logout is honoured even out of sequence
            return;
        }
        if (IsType(message.MsgType, '2'))
        {
            OnResendRequest(message); // answer first, then ask for ours
        }
        if (expected > _resendRequestedThrough)
        {
            SendResendRequest(expected);
        }
        _resendRequestedThrough = Math.Max(_resendRequestedThrough, seq);
        // The message itself is dropped: EndSeqNo 0 asks for everything from the gap on, so it comes again.
    }

    private bool CheckCompIds(FixMessage message)
    {
        bool senderOk = message.SenderCompId.SequenceEqual(_targetCompId);
        if (senderOk && message.TargetCompId.SequenceEqual(_senderCompId))
        {
            return true;
        }
        RejectAndLogout(message, SessionRejectReason.CompIdProblem, senderOk ? FixTag.TargetCompId : FixTag.SenderCompId, "CompID problem");
        return false;
    }

    private bool CheckSendingTime(FixMessage message)
    {
        if (Math.Abs(Now() - message.SendingTime) <= Settings.MaxSendingTimeSkew.Ticks * 100)
        {
            return true;
        }
        RejectAndLogout(message, SessionRejectReason.SendingTimeAccuracyProblem, FixTag.SendingTime, "SendingTime accuracy problem");
        return false;
    }

    /// <summary>A possible duplicate must say when it was first sent, and not after it is sent now.</summary>
    private bool CheckOrigSendingTime(FixMessage message)
    {
        if (!message.TryGetUtcTimestamp(FixTag.OrigSendingTime, out long orig))
        {
            SendReject(message.MsgSeqNum, message.MsgType, SessionRejectReason.RequiredTagMissing, FixTag.OrigSendingTime,
                "PossDupFlag=Y without OrigSendingTime");
            Consume();
            return false;
        }
        if (orig > message.SendingTime)
        {
            RejectAndLogout(message, SessionRejectReason.SendingTimeAccuracyProblem, FixTag.OrigSendingTime,
                "OrigSendingTime after SendingTime");
            return false;
        }
        return true;
    }

    /// <summary>CompID and SendingTime problems: Reject (consuming the number if it was the expected one), then Logout.</summary>
    private void RejectAndLogout(FixMessage message, SessionRejectReason reason, int tag, string text)
    {
        SendReject(message.MsgSeqNum, message.MsgType, reason, tag, text);
        if (message.MsgSeqNum == _store.NextTargetMsgSeqNum)
        {
            Consume();
        }
        LogoutAndDisconnect(text);
    }

    /// <summary>The expected message: admin types handled here, the rest given to the application.</summary>
    private void Dispatch(FixMessage message)
    {
        ReadOnlySpan<byte> type = message.MsgType;
        if (type.Length == 1)
        {
            switch ((char)type[0])
            {
                case '0': // Heartbeat (its TestReqID, if any, already cleared the outstanding TestRequest)
                case '3': // Reject of one of ours: nothing to undo
                    Consume();
                    return;
                case '1':
                    Consume();
                    if (!message.TryGetSpan(FixTag.TestReqId, out var testReqId))
                    {
                        SendReject(message.MsgSeqNum, type, SessionRejectReason.RequiredTagMissing, FixTag.TestReqId, "TestReqID missing");
                        return;
                    }
                    SendHeartbeat(testReqId);
                    return;
                case '2':
                    Consume();
                    OnResendRequest(message);
                    return;
                case '4':
                    OnGapFill(message);
                    return;
                case '5':
                    Consume();
                    OnLogout();
                    return;
            }
        }
        Consume();
        try
        {
            Application.OnMessage(this, message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log?.Invoke(this, $"application failed on message {message.MsgSeqNum}: {e}");
            if (_transport is not null)
            {
                SendReject(message.MsgSeqNum, type, SessionRejectReason.Other, 0, "message could not be processed");
            }
        }
    }

    private void OnLogout()
    {
        if (State == FixSessionState.LogoutSent)
        {
            Disconnect("logout confirmed", graceful: true);
            return;
        }
        SendLogout(null);
        Disconnect("logout by counterparty", graceful: true);
    }

    private void OnGapFill(FixMessage message)
    {
        if (!message.TryGetInt(FixTag.NewSeqNo, out int newSeqNo))
        {
            SendReject(message.MsgSeqNum, message.MsgType, SessionRejectReason.RequiredTagMissing, FixTag.NewSeqNo, "NewSeqNo missing");
            Consume();
            return;
        }
        if (newSeqNo <= _store.NextTargetMsgSeqNum)
        {
            SendReject(message.MsgSeqNum, message.MsgType, SessionRejectReason.ValueIsIncorrectForThisTag, FixTag.NewSeqNo,
                $"attempt to lower sequence number, invalid value NewSeqNo={newSeqNo}");
            Consume();
            return;
        }
        _store.SetNextTargetMsgSeqNum(newSeqNo);
    }

    /// <summary>SequenceReset-Reset: sets the expected number, whatever the message's own MsgSeqNum.</summary>
    private void OnSequenceReset(FixMessage message)
    {
        if (!message.TryGetInt(FixTag.NewSeqNo, out int newSeqNo) || newSeqNo < 1)
        {
            SendReject(message.MsgSeqNum, message.MsgType, SessionRejectReason.RequiredTagMissing, FixTag.NewSeqNo, "NewSeqNo missing or invalid");
            return;
        }
        int expected = _store.NextTargetMsgSeqNum;
        if (newSeqNo < expected)
        {
            SendReject(message.MsgSeqNum, message.MsgType, SessionRejectReason.ValueIsIncorrectForThisTag, FixTag.NewSeqNo,
                $"attempt to lower sequence number, invalid value NewSeqNo={newSeqNo}");
            return;
        }
        Log?.Invoke(this, $"SequenceReset: expected MsgSeqNum {expected} -> {newSeqNo}");
        _store.SetNextTargetMsgSeqNum(newSeqNo);
    }

    private void OnLogon(FixMessage message, FixParseResult parse)
    {
        if (!parse.IsValid || !IsType(message.MsgType, 'A'))
        {
            Disconnect(parse.IsValid ? "first message is not a Logon" : $"invalid Logon: {parse.Reason} (tag {parse.RefTagId})", graceful: false);
            return;
        }
        if (Math.Abs(Now() - message.SendingTime) > Settings.MaxSendingTimeSkew.Ticks * 100)
        {
            SendReject(message.MsgSeqNum, message.MsgType, SessionRejectReason.SendingTimeAccuracyProblem, FixTag.SendingTime,
                "SendingTime accuracy problem");
            LogoutAndDisconnect("SendingTime accuracy problem");
            return;
        }
        if (!message.TryGetInt(FixTag.HeartBtInt, out int heartBtInt) || heartBtInt < 1 || heartBtInt > Settings.MaxHeartbeatIntervalSeconds
            || (Settings.HeartbeatIntervalSeconds > 0 && heartBtInt != Settings.HeartbeatIntervalSeconds))
        {
            LogoutAndDisconnect(Settings.HeartbeatIntervalSeconds > 0
                ? $"HeartBtInt must be {Settings.HeartbeatIntervalSeconds}"
                : $"HeartBtInt must be 1 to {Settings.MaxHeartbeatIntervalSeconds}");
            return;
        }
        if (!CredentialsMatch(message))
        {
            LogoutAndDisconnect("invalid username or password");
            return;
        }
        bool resetRequested = message.TryGetBool(FixTag.ResetSeqNumFlag, out bool flag) && flag;
        bool reset = resetRequested || Settings.ResetOnLogon;
        if (reset)
        {
            _store.Reset();
        }
        int seq = message.MsgSeqNum;
        int expected = _store.NextTargetMsgSeqNum;
        if (seq < expected && !message.PossDupFlag)
        {
            LogoutAndDisconnect($"MsgSeqNum too low, expecting {expected} but received {seq}");
            return;
        }
        _heartBtIntSeconds = heartBtInt;
        State = FixSessionState.LoggedOn;
        SendLogonReply(reset);
        Log?.Invoke(this, $"logged on (HeartBtInt {heartBtInt}s{(reset ? ", sequence numbers reset" : "")}, next in {expected}, next out {_store.NextSenderMsgSeqNum})");
        if (seq == expected)
        {
            Consume();
        }
        else if (seq > expected)
        {
            SendResendRequest(expected);
            _resendRequestedThrough = seq;
        }
        string? refusal;
        try
        {
            refusal = Application.OnLogon(this);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log?.Invoke(this, $"application failed on logon: {e}");
            refusal = "logon could not be processed";
        }
        if (refusal is not null && _transport is not null)
        {
            LogoutAndDisconnect(refusal);
        }
    }

    private bool CredentialsMatch(FixMessage message)
    {
        if (Settings.Username is { } username && message.TryGetSpan(FixTag.Username, out var given)
            && !given.SequenceEqual(Encoding.ASCII.GetBytes(username)))
        {
            return false;
        }
        if (!Settings.PasswordRequired)
        {
            return true;
        }
        return Settings.Password is { } password && message.TryGetSpan(FixTag.Password, out var presented)
            && CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(password));
    }
}
