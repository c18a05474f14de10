using Exchange.Fix.Codec;
using Exchange.Fix.Store;

namespace Exchange.Fix.Session;

/// <summary>The FIX 4.4 session layer of one acceptor session (one pair of CompIDs): Logon and its checks, sequence
/// numbers (persisted in an <see cref="IFixMessageStore"/>), Heartbeat/TestRequest, ResendRequest answered from the
/// store, SequenceReset, Reject and Logout. It outlives connections: a transport binds to it at Logon and leaves
/// at disconnect; the store keeps the numbers and sent messages in between.
/// Thread-safety: every public member takes the session's lock, so the connection's reader, its timer and the
/// application's sender threads can call it concurrently. Time comes from a <see cref="TimeProvider"/> and timers
/// advance only when <see cref="OnTimer"/> is called, so tests drive both.</summary>
public sealed partial class FixSession
{
    private const long NanosPerSecond = 1_000_000_000;
    private const int MaxOutboundMessage = 16 * 1024;

    private readonly Lock _lock = new();
    private readonly IFixMessageStore _store;
    private readonly TimeProvider _time;
    private readonly byte[] _sendBuffer = new byte[MaxOutboundMessage];
    private readonly FixMessage _resendMessage = new(MaxOutboundMessage);
    private readonly byte[] _senderCompId;
    private readonly byte[] _targetCompId;
    private IFixTransport? _transport;
    private long _connectedAt;
    private long _lastReceivedAt;
    private long _lastSentAt;
    private long _logoutSentAt;
    private int _heartBtIntSeconds;
    private bool _testRequestOutstanding;
    private long _testRequestCounter;
    // Highest MsgSeqNum that revealed a gap we asked to be resent (EndSeqNo 0 asks for everything after it);
    // no new ResendRequest is sent until the expected number has passed it.
    private int _resendRequestedThrough;

    public FixSession(FixSessionSettings settings, IFixMessageStore store, IFixApplication application, TimeProvider? time = null)
    {
        Settings = settings;
        _store = store;
        Application = application;
        _time = time ?? TimeProvider.System;
        _senderCompId = System.Text.Encoding.ASCII.GetBytes(settings.SenderCompId);
        _targetCompId = System.Text.Encoding.ASCII.GetBytes(settings.TargetCompId);
    }

    public FixSessionSettings Settings { get; }

    public IFixApplication Application { get; }

    /// <summary>Diagnostics (logon, logout, rejects, disconnect reasons); called under the lock.</summary>
    public Action<FixSession, string>? Log { get; set; }

    public FixSessionState State { get; private set; }

    public bool IsLoggedOn => State == FixSessionState.LoggedOn;

    /// <summary>HeartBtInt agreed at the last Logon, in seconds.</summary>
    public int HeartBtIntSeconds => _heartBtIntSeconds;

    public int NextSenderMsgSeqNum
    {
        get
        {
            lock (_lock)
            {
                return _store.NextSenderMsgSeqNum;
            }
        }
    }

    public int NextTargetMsgSeqNum
    {
        get
        {
            lock (_lock)
            {
                return _store.NextTargetMsgSeqNum;
            }
        }
    }

    public override string ToString() => $"{Settings.SenderCompId}->{Settings.TargetCompId}";

    /// <summary>Binds a new connection, which must then deliver a Logon. False if another connection is bound.</summary>
    public bool TryConnect(IFixTransport transport)
    {
        lock (_lock)
        {
            if (_transport is not null)
            {
                return false;
            }
            _transport = transport;
            State = FixSessionState.AwaitingLogon;
            _connectedAt = _lastReceivedAt = _lastSentAt = Now();
            _testRequestOutstanding = false;
            _resendRequestedThrough = 0;
            return true;
        }
    }

    /// <summary>The bound connection closed (or failed). Ignored for a transport that is no longer bound.</summary>
    public void OnDisconnected(IFixTransport transport)
    {
        lock (_lock)
        {
            if (ReferenceEquals(_transport, transport))
            {
                Disconnect("connection closed", graceful: false);
            }
        }
    }

    /// <summary>Sends an application message: the next MsgSeqNum, stored for resends, then written to the connection
    /// if logged on. Without a logged-on connection it is only stored (and numbered): the counterparty gets it by a
    /// ResendRequest after its next Logon (unless that Logon resets the sequence numbers).</summary>
    public void Send<TBody>(in TBody body) where TBody : struct, IFixBody
    {
        lock (_lock)
        {
            int seq = _store.NextSenderMsgSeqNum;
            var writer = new FixMessageWriter(_sendBuffer);
            long now = Now();
            WriteHeader(ref writer, body.MsgType, seq, now);
            body.WriteBody(ref writer);
            int length = writer.Finish();
            var message = _sendBuffer.AsSpan(0, length);
            _store.Store(seq, message);
            _store.SetNextSenderMsgSeqNum(seq + 1);
            if (State == FixSessionState.LoggedOn)
            {
                Transmit(message, now);
            }
        }
    }

    /// <summary>Session-level Reject (35=3) of an application message that is well framed but has a bad field (a
    /// required tag missing, a value out of range): for applications validating what they receive in
    /// <see cref="IFixApplication.OnMessage"/>. The message's sequence number stays consumed.</summary>
    public void Reject(FixMessage message, SessionRejectReason reason, int refTagId, string text)
    {
        lock (_lock)
        {
            SendReject(message.MsgSeqNum, message.MsgType, reason, refTagId, text);
        }
    }

    /// <summary>Starts a Logout we initiate (e.g. shutdown); the connection closes when the counterparty answers or
    /// after <see cref="FixSessionSettings.LogoutTimeout"/>.</summary>
    public void Logout(string? text)
    {
        lock (_lock)
        {
            if (State == FixSessionState.LoggedOn)
            {
                SendLogout(text);
                State = FixSessionState.LogoutSent;
                _logoutSentAt = Now();
            }
            else if (_transport is not null && State != FixSessionState.LogoutSent)
            {
                Disconnect(text ?? "logout", graceful: false);
            }
        }
    }

    private long Now() => (_time.GetUtcNow().UtcTicks - DateTime.UnixEpoch.Ticks) * 100;

    private void WriteHeader(ref FixMessageWriter writer, ReadOnlySpan<byte> msgType, int seq, long sendingTime)
    {
        writer.Begin(msgType);
        writer.Append(FixTag.MsgSeqNum, seq);
        writer.Append(FixTag.SenderCompId, _senderCompId);
        writer.AppendUtcTimestamp(FixTag.SendingTime, sendingTime);
        writer.Append(FixTag.TargetCompId, _targetCompId);
    }

    private void Transmit(ReadOnlySpan<byte> message, long now)
    {
        _transport?.Send(message);
        _lastSentAt = now;
    }

    /// <summary>Closes the connection and, if the session was logged on, tells the application.</summary>
    private void Disconnect(string reason, bool graceful)
    {
        var transport = _transport;
        if (transport is null)
        {
            return;
        }
        bool wasLoggedOn = State is FixSessionState.LoggedOn or FixSessionState.LogoutSent;
        _transport = null;
        State = FixSessionState.Disconnected;
        Log?.Invoke(this, $"disconnected: {reason}");
        transport.Disconnect(reason);
        if (wasLoggedOn)
        {
            try
            {
                Application.OnLogout(this, graceful);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Log?.Invoke(this, $"application failed on logout: {e}");
            }
        }
    }
}
