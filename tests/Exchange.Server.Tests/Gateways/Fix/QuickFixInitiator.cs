using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Exchange.Server.Tests.Gateways.Fix;

/// <summary>Drives the QuickFIX C++ initiator bridge (quickfix/initiator.cpp, built here with g++ on first use) as a
/// child process: one FIX 4.4 session per process, commands on its stdin, events read from its stdout
/// (LOGON, LOGOUT, IN/OUT messages with '|' for SOH). Its store lives in a directory the caller keeps, so a new
/// process continues the session (sequence numbers, resend) like a restarted client.</summary>
internal sealed class QuickFixInitiator : IDisposable
{
    private static readonly Lazy<string> Binary = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly List<string> _all = [];
    private bool _disposed;

    public static bool ToolchainPresent =>
        File.Exists("/usr/include/quickfix/Application.h")
        && (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, "g++")));

    /// <param name="endpoint">The acceptor.</param>
    /// <param name="account">SenderCompID and Username.</param>
    /// <param name="storeDirectory">QuickFIX's FileStorePath (and log path): keep it to continue the session.</param>
    /// <param name="resetOnLogon">QuickFIX ResetOnLogon (sends ResetSeqNumFlag=Y).</param>
    /// <param name="password">Sent as Password (554) on Logon.</param>
    public QuickFixInitiator(IPEndPoint endpoint, string account, string storeDirectory, bool resetOnLogon, string password = "demo")
    {
        Directory.CreateDirectory(storeDirectory);
        string settings = Path.Combine(storeDirectory, "initiator.cfg");
        File.WriteAllText(settings, string.Create(CultureInfo.InvariantCulture, $"""
            [DEFAULT]
            ConnectionType=initiator
            ReconnectInterval=30
            FileStorePath={storeDirectory}/store
            FileLogPath={storeDirectory}/log
            StartTime=00:00:00
            EndTime=00:00:00
            UseDataDictionary=N
            SocketConnectHost={endpoint.Address}
            SocketConnectPort={endpoint.Port}
            HeartBtInt=30
            ResetOnLogon={(resetOnLogon ? "Y" : "N")}

            [SESSION]
            BeginString=FIX.4.4
            SenderCompID={account}
            TargetCompID=EXCHANGE

            """));
        _process = Process.Start(new ProcessStartInfo(Binary.Value)
        {
            ArgumentList = { settings, account, password },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("could not start the QuickFIX initiator");
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            lock (_lines)
            {
                _lines.Add(e.Data);
                _all.Add(e.Data);
                Monitor.PulseAll(_lines);
            }
        };
        _process.BeginOutputReadLine();
        Command("start");
    }

    /// <summary>Everything the initiator printed so far, for failure messages.</summary>
    public string Transcript
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _all);
            }
        }
    }

    public void Command(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    /// <summary>Sends an application message given as "35=D|11=…|…" (QuickFIX adds the header and trailer).</summary>
    public void Send(string fields) => Command("send " + fields);

    /// <summary>The first not yet consumed line matching all <paramref name="parts"/> (e.g. "IN ", "|35=8|", "|11=a|").</summary>
    public Dictionary<int, string> WaitFor(params string[] parts)
    {
        string line = WaitForLine(l => parts.All(p => l.Contains(p, StringComparison.Ordinal)));
        return Fields(line);
    }

    public string WaitForLine(Func<string, bool> match)
    {
        var deadline = DateTime.UtcNow + Timeout;
        lock (_lines)
        {
            while (true)
            {
                int index = _lines.FindIndex(l => match(l));
                if (index >= 0)
                {
                    string line = _lines[index];
                    _lines.RemoveAt(index);
                    return line;
                }
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || _process.HasExited && !Monitor.Wait(_lines, 100))
                {
                    throw new TimeoutException($"QuickFIX initiator: no matching line; its output:\n{string.Join('\n', _all)}");
                }
                Monitor.Wait(_lines, left);
            }
        }
    }

    public static Dictionary<int, string> Fields(string line)
    {
        var fields = new Dictionary<int, string>();
        int space = line.IndexOf(' ', StringComparison.Ordinal);
        foreach (string field in line[(space + 1)..].Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = field.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && int.TryParse(field[..eq], CultureInfo.InvariantCulture, out int tag))
            {
                fields.TryAdd(tag, field[(eq + 1)..]);
            }
        }
        return fields;
    }

    /// <summary>Logs out (waiting for the acceptor's Logout) and ends the process.</summary>
    public void LogoutAndStop()
    {
        Command("logout");
        WaitForLine(l => l == "LOGOUT");
        Dispose();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        try
        {
            if (!_process.HasExited)
            {
                Command("stop");
                _process.StandardInput.Close();
                if (!_process.WaitForExit(10_000))
                {
                    _process.Kill();
                }
            }
        }
        catch (IOException)
        {
        }
        _process.Dispose();
    }

    private static string Build()
    {
        string source = Path.Combine(AppContext.BaseDirectory, "Gateways", "Fix", "quickfix", "initiator.cpp");
        string binary = Path.Combine(AppContext.BaseDirectory, "quickfix-initiator");
        if (File.Exists(binary) && File.GetLastWriteTimeUtc(binary) >= File.GetLastWriteTimeUtc(source))
        {
            return binary;
        }
        using var gcc = Process.Start(new ProcessStartInfo("g++")
        {
            ArgumentList = { "-std=gnu++14", "-O1", "-Wno-deprecated", "-o", binary, source, "-lquickfix", "-lpthread" },
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        string errors = gcc.StandardError.ReadToEnd();
        gcc.WaitForExit();
        if (gcc.ExitCode != 0)
        {
            throw new InvalidOperationException($"building the QuickFIX initiator failed:\n{errors}");
        }
        return binary;
    }
}
