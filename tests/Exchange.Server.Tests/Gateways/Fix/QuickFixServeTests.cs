using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Exchange.Server.Tests.Node;
using Exchange.Server.Tests.Serve;

namespace Exchange.Server.Tests.Gateways.Fix;

/// <summary>A QuickFIX C++ client against the real `exchange serve` process (its embedded FIX sessions, a config file
/// moving the FIX endpoint to a free port), across a clean restart of the server, and logged out by a shutdown.</summary>
[Collection(ServeProcessCollection.Name)]
public sealed class QuickFixServeTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [QuickFixFact]
    public void ShouldTradeThroughExchangeServeAndKeepTheSessionAcrossARestart()
    {
        var (config, port) = ServeProcessConfig.Write(_dir.Path, "\"timeTickMilliseconds\": 0");
        var endpoint = new IPEndPoint(IPAddress.Loopback, port);
        string clientStore = Path.Combine(_dir.Path, "client");

        using (var server = Serve(config))
        {
            using var client = new QuickFixInitiator(endpoint, "TRADER1", clientStore, resetOnLogon: false);
            client.WaitForLine(l => l == "LOGON");
            client.Send("35=D|11=served|55=TSLA|54=1|38=3|40=2|44=240|59=1|60=20260302-14:30:00");
            client.WaitFor("IN ", "|35=8|", "|11=served|", "|150=0|");
            client.LogoutAndStop();
            Stop(server);
        }

        // The restarted server continues the session's numbers and knows the order (from its journal).
        using (var server = Serve(config))
        {
            using var client = new QuickFixInitiator(endpoint, "TRADER1", clientStore, resetOnLogon: false);
            var logon = client.WaitFor("IN ", "|35=A|");
            Assert.Equal("4", logon[34]); // 1 Logon, 2 ExecutionReport, 3 Logout before the restart
            client.WaitForLine(l => l == "LOGON");
            client.Send("35=F|11=gone|41=served|55=TSLA|54=1|60=20260302-14:30:00");
            Assert.Equal("served", client.WaitFor("IN ", "|35=8|", "|11=gone|", "|150=4|")[41]);
            // A clean shutdown logs the connected client out first.
            Stop(server);
            Assert.Equal("exchange shutting down", client.WaitFor("IN ", "|35=5|")[58]);
            client.WaitForLine(l => l == "LOGOUT");
        }
    }

    private Process Serve(string config)
    {
        var process = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "exchange.dll"), "serve", "--data", Path.Combine(_dir.Path, "data"), "--config", config },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        })!;
        // Ready when it says where the FIX acceptor listens.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (NextLine(process, deadline) is { } line)
        {
            if (line.Contains("FIX 4.4 acceptor on", StringComparison.Ordinal))
            {
                _ = process.StandardError.ReadToEndAsync();
                return process;
            }
        }
        process.Kill();
        throw new InvalidOperationException("exchange serve did not start its FIX acceptor");
    }

    /// <summary>The next line of the server's standard error, or null at its end or at the deadline (a server that
    /// hangs without a word must not hang the test).</summary>
    private static string? NextLine(Process process, DateTime deadline)
    {
        var remaining = deadline - DateTime.UtcNow;
        if (remaining <= TimeSpan.Zero)
        {
            return null;
        }
        var read = process.StandardError.ReadLineAsync();
        return read.Wait(remaining) ? read.Result : null;
    }

    private static void Stop(Process server)
    {
        using (var kill = Process.Start("kill", ["-TERM", server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }
        Assert.True(server.WaitForExit(30_000), "exchange serve did not stop on SIGTERM");
        Assert.Equal(0, server.ExitCode);
    }
}
