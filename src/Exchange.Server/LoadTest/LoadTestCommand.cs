using System.CommandLine;
using System.Net.Sockets;

namespace Exchange.Server.LoadTest;

/// <summary>`exchange loadtest`: drives a running exchange over the binary protocol or FIX (docs/loadtest.md).</summary>
internal static class LoadTestCommand
{
    public static Command Create()
    {
        var protocol = new Option<string>("--protocol") { Description = "binary or fix.", DefaultValueFactory = _ => "binary" };
        protocol.AcceptOnlyFromAmong("binary", "fix");
        var host = new Option<string>("--host") { Description = "Server address.", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "Server port. Default: 9001 (binary), 9878 (FIX)." };
        var rate = new Option<double>("--rate") { Description = "Open loop: orders per second over all connections.", DefaultValueFactory = _ => 10_000 };
        var max = new Option<bool>("--max") { Description = "Closed loop at maximum throughput: each connection keeps --window orders outstanding." };
        var window = new Option<int>("--window") { Description = "Closed loop: orders outstanding per connection.", DefaultValueFactory = _ => 256 };
        var duration = new Option<double>("--duration") { Description = "Seconds of sending.", DefaultValueFactory = _ => 10 };
        var warmup = new Option<double>("--warmup") { Description = "Seconds of sending before --duration whose latencies are not counted.", DefaultValueFactory = _ => 0 };
        var drain = new Option<double>("--drain") { Description = "Seconds to wait for outstanding acknowledgements at the end.", DefaultValueFactory = _ => 10 };
        var connections = new Option<int>("--connections") { Description = "Connections, using the accounts round-robin.", DefaultValueFactory = _ => 4 };
        var accounts = new Option<string>("--accounts") { Description = "user:password,… (FIX: the user is the SenderCompID).", DefaultValueFactory = _ => "TRADER1:demo,TRADER2:demo" };
        var targetCompId = new Option<string>("--target-comp-id") { Description = "FIX: TargetCompID.", DefaultValueFactory = _ => "EXCHANGE" };
        var symbol = new Option<string>("--symbol") { Description = "Instrument.", DefaultValueFactory = _ => "AAPL" };
        var mid = new Option<string>("--mid") { Description = "Limit prices are around this.", DefaultValueFactory = _ => "190.00" };
        var tick = new Option<string>("--tick") { Description = "The instrument's tick size.", DefaultValueFactory = _ => "0.01" };
        var spread = new Option<int>("--spread-ticks") { Description = "Limit prices: mid ± up to this many ticks.", DefaultValueFactory = _ => 10 };
        var limitPercent = new Option<int>("--limit-percent") { Description = "Share of limit orders (the rest market IOC).", DefaultValueFactory = _ => 70 };
        var maxQuantity = new Option<int>("--max-quantity") { Description = "Quantities are 1..this.", DefaultValueFactory = _ => 100 };
        var seed = new Option<int>("--seed") { Description = "Order-flow seed.", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON on stdout (the table goes to stderr)." };
        var quiet = new Option<bool>("--quiet") { Description = "No progress lines." };
        var command = new Command("loadtest", "Load-test a running exchange over the binary protocol or FIX (docs/loadtest.md).")
        {
            protocol, host, port, rate, max, window, duration, warmup, drain, connections, accounts, targetCompId, symbol, mid, tick, spread, limitPercent,
            maxQuantity, seed, json, quiet,
        };
        command.SetAction(p =>
        {
            var options = new LoadTestOptions
            {
                Protocol = p.GetValue(protocol)!,
                Host = p.GetValue(host)!,
                Port = p.GetValue(port),
                Rate = p.GetValue(rate),
                Max = p.GetValue(max),
                Window = p.GetValue(window),
                Duration = TimeSpan.FromSeconds(p.GetValue(duration)),
                Warmup = TimeSpan.FromSeconds(Math.Max(0, p.GetValue(warmup))),
                Drain = TimeSpan.FromSeconds(p.GetValue(drain)),
                Connections = p.GetValue(connections),
                Accounts = ParseAccounts(p.GetValue(accounts)!),
                FixTargetCompId = p.GetValue(targetCompId)!,
                Symbol = p.GetValue(symbol)!,
                Mid = p.GetValue(mid)!,
                TickSize = p.GetValue(tick)!,
                SpreadTicks = p.GetValue(spread),
                LimitPercent = p.GetValue(limitPercent),
                MaxQuantity = p.GetValue(maxQuantity),
                Seed = p.GetValue(seed),
                Json = p.GetValue(json),
                Progress = !p.GetValue(quiet),
            };
            return Run(options);
        });
        return command;
    }

    internal static int Run(LoadTestOptions options)
    {
        if (options.Connections < 1 || (!options.Max && options.Rate <= 0) || options.Window < 1 || options.Accounts.Count == 0)
        {
            Console.Error.WriteLine("loadtest: --connections, --rate and --window must be positive, and at least one account given.");
            return 2;
        }
        LoadTestResult result;
        try
        {
            result = new LoadTestRunner(options, Console.Error).Run();
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            Console.Error.WriteLine($"loadtest: cannot connect to {options.Host}:{options.EffectivePort} ({options.Protocol}): {e.Message}");
            return 2;
        }
        if (options.Json)
        {
            LoadTestReport.WriteTable(Console.Error, result);
            LoadTestReport.WriteJson(Console.Out, result);
        }
        else
        {
            LoadTestReport.WriteTable(Console.Out, result);
        }
        return result.Unacknowledged == 0 && result.Errors.Count == 0 ? 0 : 1;
    }

    private static IReadOnlyList<(string User, string Password)> ParseAccounts(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split(':', 2))
            .Select(parts => (parts[0], parts.Length > 1 ? parts[1] : ""))
            .ToList();
}
