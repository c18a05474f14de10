using System.Globalization;
using System.Net;
using Exchange.Fix.Session;
using Exchange.Fix.Store;
using Exchange.Fix.Transport;
using Exchange.Fix.Tests.Codec;

namespace Exchange.Fix.Tests.Session;

/// <summary>Runs a scripted conversation (a <c>.def</c> file, in the spirit of QuickFIX/n's acceptance tests) against a
/// real <see cref="FixAcceptor"/> on loopback, with a clock that moves only when the script says so.
/// The acceptor's session: SenderCompID EXCH, TargetCompID CLIENT, password "secret", a file store.
/// <code>
/// # comment
/// iCONNECT              open a connection
/// I35=D|34=2|11=a       send: 8, 9 and 10 are computed; 49=CLIENT, 56=EXCH, 52=&lt;NOW&gt; are added unless given
/// IRAW 8=FIX.4.4|9=5|…  send these bytes as they are ('|' is SOH)
/// E35=8|34=2|11=a       expect the next message to have these fields (value * = any, a trailing * = prefix);
///                       49=EXCH and 56=CLIENT are always checked
/// eNONE                 expect no message for a moment
/// eDISCONNECT           expect the server to close the connection
/// iDISCONNECT           close the connection from our side (and wait until the session has seen it close)
/// iADVANCE 30           move the clock 30 s (the acceptor's timer then sees it within 100 ms)
/// iSYNC                 wait until the session has taken in the last message sent (its next expected MsgSeqNum is
///                       one past that message's 34), so a following iADVANCE cannot overtake it on a busy machine
/// iRESTART              stop the acceptor and start a new one on the same store directory (a process restart)
/// </code>
/// In values, &lt;NOW&gt; and &lt;NOW-150&gt; (seconds) are the script clock as a UTCTimestamp.</summary>
internal sealed class FixScript : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    private readonly ManualTimeProvider _clock = new();
    private readonly string _storeDirectory = Path.Combine(Path.GetTempPath(), "fix-script-" + Guid.NewGuid().ToString("N"));
    private readonly FixSessionSettings _settings;
    private FixAcceptor? _acceptor;
    private IFixMessageStore? _store;
    private FixScriptClient? _client;
    private int _lastSentSeq;

    public FixScript(FixSessionSettings? settings = null)
    {
        _settings = settings ?? new FixSessionSettings
        {
            SenderCompId = "EXCH", TargetCompId = "CLIENT", Password = "secret", MaxSendingTimeSkew = TimeSpan.FromSeconds(120),
        };
        StartAcceptor();
    }

    public EchoApplication Application { get; private set; } = null!;

    public FixSession Session { get; private set; } = null!;

    public List<string> Transcript { get; } = [];

    private void Note(string line)
    {
        lock (Transcript)
        {
            Transcript.Add(line);
        }
    }

    public void Run(string path)
    {
        int lineNumber = 0;
        foreach (string raw in File.ReadLines(path))
        {
            lineNumber++;
            string line = raw.TrimEnd();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            try
            {
                Step(line);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new InvalidOperationException($"{Path.GetFileName(path)}:{lineNumber}: {line}\n{e.Message}\ntranscript:\n{string.Join('\n', Transcript)}", e);
            }
        }
    }

    public void Step(string line)
    {
        switch (line)
        {
            case "iCONNECT":
                _client?.Dispose();
                _client = new FixScriptClient(_acceptor!.LocalEndPoint);
                return;
            case "iDISCONNECT":
                _client!.Dispose();
                _client = null;
                WaitUntilDisconnected();
                return;
            case "iRESTART":
                _client?.Dispose();
                _client = null;
                StopAcceptor();
                StartAcceptor();
                return;
            case "eNONE":
                ExpectNothing();
                return;
            case "eDISCONNECT":
                ExpectDisconnect();
                return;
            case "iSYNC":
                WaitUntilTakenIn();
                return;
        }
        if (line.StartsWith("iADVANCE ", StringComparison.Ordinal))
        {
            _clock.Advance(TimeSpan.FromSeconds(double.Parse(line[9..], CultureInfo.InvariantCulture)));
            return;
        }
        if (line.StartsWith("IRAW ", StringComparison.Ordinal))
        {
            Note("> " + line[5..]);
            _client!.Send(FixText.Raw(Substitute(line[5..])));
            return;
        }
        if (line[0] == 'I')
        {
            string body = Substitute(WithDefaultHeader(line[1..]));
            _lastSentSeq = Fields(body).TryGetValue(34, out string? seq) ? int.Parse(seq, CultureInfo.InvariantCulture) : 0;
            Note("> " + body);
            _client!.Send(FixText.Message(body));
            return;
        }
        if (line[0] == 'E')
        {
            Expect(line[1..]);
            return;
        }
        throw new InvalidDataException($"unknown script line: {line}");
    }

    private void Expect(string fields)
    {
        string? message = _client!.Receive(Timeout);
        Note("< " + (message ?? "(disconnected)"));
        if (message is null)
        {
            throw new InvalidOperationException($"expected {fields} but the server disconnected");
        }
        var actual = Fields(message);
        foreach (var (tag, value) in Fields("49=EXCH|56=CLIENT|" + Substitute(fields)))
        {
            if (!actual.TryGetValue(tag, out string? got) || !Matches(value, got))
            {
                throw new InvalidOperationException($"expected {tag}={value} in {message}");
            }
        }
    }

    /// <summary>Waits until the session has seen our close, so a following iCONNECT is not refused as a second
    /// connection (a fixed pause was not always enough on a busy machine: CI failed once).</summary>
    private void WaitUntilDisconnected()
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (Session.State != FixSessionState.Disconnected)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the session did not see the connection close");
            }
            Thread.Sleep(5);
        }
    }

    private void WaitUntilTakenIn()
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (Session.NextTargetMsgSeqNum <= _lastSentSeq)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the session did not take in MsgSeqNum {_lastSentSeq}");
            }
            Thread.Sleep(5);
        }
    }

    private void ExpectNothing()
    {
        try
        {
            string? message = _client!.Receive(Quiet);
            throw new InvalidOperationException($"expected nothing but got {message ?? "a disconnect"}");
        }
        catch (TimeoutException)
        {
        }
    }

    private void ExpectDisconnect()
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            string? message;
            try
            {
                message = _client!.Receive(Timeout);
            }
            catch (TimeoutException)
            {
                break;
            }
            if (message is null)
            {
                Note("< (disconnected)");
                return;
            }
            throw new InvalidOperationException($"expected a disconnect but got {message}");
        }
        throw new InvalidOperationException("expected a disconnect but the connection stayed open");
    }

    private static bool Matches(string expected, string actual) =>
        expected == "*" || expected == actual || (expected.EndsWith('*') && actual.StartsWith(expected[..^1], StringComparison.Ordinal));

    private static Dictionary<int, string> Fields(string message)
    {
        var fields = new Dictionary<int, string>();
        foreach (string field in message.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = field.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && int.TryParse(field[..eq], NumberStyles.None, CultureInfo.InvariantCulture, out int tag))
            {
                fields.TryAdd(tag, field[(eq + 1)..]);
            }
        }
        return fields;
    }

    private static string WithDefaultHeader(string body)
    {
        var tags = Fields(body).Keys;
        string header = "";
        if (!tags.Contains(49))
        {
            header += "|49=CLIENT";
        }
        if (!tags.Contains(56))
        {
            header += "|56=EXCH";
        }
        if (!tags.Contains(52))
        {
            header += "|52=<NOW>";
        }
        // After 35 (which the script writes first), before the rest.
        int firstBar = body.IndexOf('|', StringComparison.Ordinal);
        string withHeader = firstBar < 0 ? body + header : body[..firstBar] + header + body[firstBar..];
        return withHeader.EndsWith('|') ? withHeader : withHeader + "|";
    }

    private string Substitute(string text)
    {
        while (true)
        {
            int start = text.IndexOf("<NOW", StringComparison.Ordinal);
            if (start < 0)
            {
                return text;
            }
            int end = text.IndexOf('>', start);
            string offset = text[(start + 4)..end];
            var at = _clock.GetUtcNow().AddSeconds(offset.Length == 0 ? 0 : double.Parse(offset, CultureInfo.InvariantCulture));
            text = text[..start] + at.ToString("yyyyMMdd-HH:mm:ss.fff", CultureInfo.InvariantCulture) + text[(end + 1)..];
        }
    }

    private void StartAcceptor()
    {
        _store = new FileFixMessageStore(_storeDirectory);
        Application = new EchoApplication();
        Session = new FixSession(_settings, _store, Application, _clock);
        Session.Log = (_, message) => Note("  " + message);
        _acceptor = new FixAcceptor(new IPEndPoint(IPAddress.Loopback, 0), [Session], new FixTransportOptions { TimerInterval = TimeSpan.FromMilliseconds(20) })
        {
            Log = message => Note("  " + message),
        };
        _acceptor.Start();
    }

    private void StopAcceptor()
    {
        _acceptor!.StopAsync(TimeSpan.FromSeconds(1)).GetAwaiter().GetResult();
        _store!.Dispose();
    }

    public void Dispose()
    {
        _client?.Dispose();
        StopAcceptor();
        try
        {
            Directory.Delete(_storeDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
