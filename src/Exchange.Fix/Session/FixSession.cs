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
    // Application messages sent while corked wait here (at most this many bytes) for one transport write.
    private const int MaxCorkedBytes = 32 * 1024;

    private readonly Lock _lock = new();
    private readonly IFixMessageStore _store;
    private readonly TimeProvider _time;
    private readonly byte[] _sendBuffer = new byte[MaxOutboundMessage];
    private readonly byte[] _corked = new byte[MaxCorkedBytes];
    private int _corkedLength;
    private bool _isCorked;
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
    /// ResendRequest after its next Logon (unless that Logon resets the sequence numbers). Between
    /// <see cref="Cork"/> and <see cref="Uncork"/> the store and the connection are written once for the batch.</summary>
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
            if (State != FixSessionState.LoggedOn)
            {
                if (!_isCorked)
                {
                    _store.Flush();
                }
            }
            else if (_isCorked && length <= MaxCorkedBytes)
            {
                if (_corkedLength + length > MaxCorkedBytes)
                {
                    SendCorked();
                }
                message.CopyTo(_corked.AsSpan(_corkedLength));
                _corkedLength += length;
            }
            else
            {
                Transmit(message, now);
            }
        }
    }

    /// <summary>Starts a batch of <see cref="Send"/>s (e.g. the reports of one batch of exchange events): until
    /// <see cref="Uncork"/> their store writes and their connection write are collected, so a batch costs one write
    /// of each instead of one per message. Anything else sent meanwhile (a heartbeat, a resend) first sends the batch,
    /// so messages still leave in MsgSeqNum order.</summary>
    public void Cork()
    {
        lock (_lock)
        {
            _isCorked = true;
        }
    }

    /// <summary>Ends the batch <see cref="Cork"/> started: stores and sends what it collected.</summary>
    public void Uncork()
    {
        lock (_lock)
        {
            _isCorked = false;
            SendCorked();
            _store.Flush();
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
        SendCorked();
        _store.Flush(); // stored before sent
        _transport?.Send(message);
        _lastSentAt = now;
    }

    /// <summary>Sends the corked application messages (stored first); they went nowhere if the connection is gone:
    /// they are stored, and a ResendRequest after the next Logon gets them.</summary>
    private void SendCorked()
    {
        if (_corkedLength == 0)
        {
            return;
        }
        _store.Flush();
        _transport?.Send(_corked.AsSpan(0, _corkedLength));
        _corkedLength = 0;
        _lastSentAt = Now();
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
        SendCorked();
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
