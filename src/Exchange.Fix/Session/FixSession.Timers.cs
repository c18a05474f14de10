namespace Exchange.Fix.Session;

public sealed partial class FixSession
{
    /// <summary>Checks the session's timers against the clock; the transport calls it a few times a second.
    /// Logged on: a Heartbeat after HeartBtInt without sending; a TestRequest after 1.2 × HeartBtInt without
    /// receiving; disconnect after 2 × HeartBtInt without receiving. Also ends a Logon that does not come and a
    /// Logout that is not answered.</summary>
    public void OnTimer()
    {
        lock (_lock)
        {
            if (_transport is null)
            {
                return;
            }
            long now = Now();
            switch (State)
            {
                case FixSessionState.AwaitingLogon when now - _connectedAt >= Settings.LogonTimeout.Ticks * 100:
                    Disconnect("no Logon in time", graceful: false);
                    return;
                case FixSessionState.LogoutSent when now - _logoutSentAt >= Settings.LogoutTimeout.Ticks * 100:
                    Disconnect("Logout not answered in time", graceful: false);
                    return;
                case FixSessionState.LoggedOn:
                    break;
                default:
                    return;
            }
            long interval = _heartBtIntSeconds * NanosPerSecond;
            long silent = now - _lastReceivedAt;
            if (silent >= 2 * interval)
            {
                Disconnect($"nothing received for {silent / NanosPerSecond} s (2 x HeartBtInt)", graceful: false);
                return;
            }
            if (silent >= interval * 6 / 5 && !_testRequestOutstanding)
            {
                SendTestRequest();
                _testRequestOutstanding = true;
            }
            if (now - _lastSentAt >= interval)
            {
                SendHeartbeat(default);
            }
        }
    }
}
