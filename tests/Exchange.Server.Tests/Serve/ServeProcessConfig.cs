using System.Net;
using System.Net.Sockets;

namespace Exchange.Server.Tests.Serve;

/// <summary>An `exchange.json` for a child `exchange serve` process in a test: every endpoint on a free loopback
/// port, so test processes never collide with each other or with an exchange running on the default ports.</summary>
internal static class ServeProcessConfig
{
    /// <summary>Writes <c>exchange.json</c> into <paramref name="directory"/>; <paramref name="extra"/> are more
    /// JSON members (e.g. <c>"timeTickMilliseconds": 0</c>). Returns the file's path and the FIX port.</summary>
    public static (string Path, int FixPort) Write(string directory, string extra = "")
    {
        int fix = FreeTcpPort();
        string json = $$"""
            {
              "httpEndpoint": "127.0.0.1:{{FreeTcpPort()}}",
              "fixEndpoint": "127.0.0.1:{{fix}}",
              "binaryOrderEntryEndpoint": "127.0.0.1:{{FreeTcpPort()}}",
              "marketDataFeedEndpoint": "127.0.0.1:{{FreeUdpPort()}}",
              "marketDataRequestEndpoint": "127.0.0.1:{{FreeUdpPort()}}",
              "marketDataSnapshotEndpoint": "127.0.0.1:{{FreeTcpPort()}}"{{(extra.Length > 0 ? "," : "")}}
              {{extra}}
            }
            """;
        string path = System.IO.Path.Combine(directory, "exchange.json");
        File.WriteAllText(path, json);
        return (path, fix);
    }

    private static int FreeTcpPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static int FreeUdpPort()
    {
        using var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
    }
}
