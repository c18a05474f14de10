using System.Diagnostics;
using System.Text.Json;
using Exchange.Core.Commands;
using Exchange.Core.Matching;
using Exchange.Journal;
using Exchange.Journal.Storage;
using Exchange.Server.Configuration;
using Exchange.Server.Replay;
using Exchange.Server.Tests.Serve;

namespace Exchange.Server.Tests.Node;

/// <summary>`kill -9` loop: a child `exchange serve --stdin` takes a stream of orders and is killed at a random
/// moment, again and again on the same data directory. Afterwards: every acknowledged order is in the journal,
/// no command was journaled twice, and recovery gives the digest of a fresh replay of the journal.
/// EXCHANGE_KILL_LOOPS sets the number of kills (default 20; more for a long run).</summary>
[Collection(ServeProcessCollection.Name)]
public class KillLoopTests
{
    [Fact]
    public async Task ShouldLoseNoAcknowledgedOrderAcrossRepeatedKills()
    {
        int loops = int.TryParse(Environment.GetEnvironmentVariable("EXCHANGE_KILL_LOOPS"), out int n) ? n : 20;
        using var dir = new TempDirectory();
        var random = new Random(1123);
        var acknowledged = new HashSet<string>();
        int next = 0;
        for (int loop = 0; loop < loops; loop++)
        {
            var (acked, sent) = await RunAndKill(dir.Path, next, random.Next(50, 400));
            acknowledged.UnionWith(acked);
            next += sent;
        }

        var journaled = new List<string>();
        var replay = new MatchingEngine();
        using (var storage = new FileJournalStorage(Path.Combine(dir.Path, "data", "shard-0", "journal")))
        {
            foreach (var record in new JournalReader(storage).ReadAll())
            {
                var command = record.Command;
                replay.Process(in command);
                if (command.Type == CommandType.NewOrder)
                {
                    journaled.Add(command.ClientId.ToString());
                }
            }
        }
        Assert.True(acknowledged.Count > loops, $"only {acknowledged.Count} orders acknowledged");
        Assert.Equal(journaled.Count, journaled.Distinct().Count()); // nothing executed twice
        Assert.Empty(acknowledged.Except(journaled)); // nothing acknowledged lost
        Assert.True(JournalVerifier.Verify(Path.Combine(dir.Path, "data", "shard-0")).Valid);
        using var node = ExchangeNode.Start(new ExchangeConfig { DataDirectory = Path.Combine(dir.Path, "data") });
        Assert.Equal(replay.ComputeStateDigest(), node.Recovery.StateDigest);
    }

    /// <summary>Starts the child, streams orders into it, kills it <paramref name="killAfterMs"/> after its first
    /// answer; returns the client ids it acknowledged and how many orders were written.</summary>
    private static async Task<(List<string> Acknowledged, int Sent)> RunAndKill(string directory, int first, int killAfterMs)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "exchange.dll"));
        // Free ports for every gateway: another serve process (or a test's) may hold the defaults.
        if (!File.Exists(Path.Combine(directory, "exchange.json")))
        {
            ServeProcessConfig.Write(directory);
        }
        foreach (var a in new[] { "serve", "--data", "data", "--stdin" })
        {
            start.ArgumentList.Add(a);
        }
        using var child = Process.Start(start)!;
        var acknowledged = new List<string>();
        var firstAnswer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reader = Task.Run(async () =>
        {
            while (await child.StandardOutput.ReadLineAsync() is { } line)
            {
                JsonDocument json;
                try
                {
                    json = JsonDocument.Parse(line);
                }
                catch (JsonException)
                {
                    continue; // the kill cut this last line short: an answer the client never fully received
                }
                using var _ = json;
                var root = json.RootElement;
                if (root.GetProperty("event").GetString() is "accepted" or "rejected" && root.TryGetProperty("clientId", out var id))
                {
                    lock (acknowledged)
                    {
                        acknowledged.Add(id.GetString()!);
                    }
                    firstAnswer.TrySetResult();
                }
            }
        });
        _ = child.StandardError.ReadToEndAsync();
        int sent = 0;
        var writer = Task.Run(async () =>
        {
            try
            {
                for (; sent < 1_000_000; sent++)
                {
                    int k = first + sent;
                    string side = k % 2 == 0 ? "buy" : "sell";
                    string account = k % 2 == 0 ? "TRADER1" : "TRADER2";
                    await child.StandardInput.WriteLineAsync(
                        $$"""{"cmd":"new","account":"{{account}}","clientId":"k{{k}}","symbol":"AAPL","side":"{{side}}","type":"limit","price":"{{189 + k % 3}}.00","qty":{{1 + k % 5}}}""");
                    if (sent % 64 == 0)
                    {
                        await child.StandardInput.FlushAsync();
                        await Task.Delay(1);
                    }
                }
            }
            catch (IOException)
            {
                // The child was killed.
            }
        });
        await firstAnswer.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await Task.Delay(killAfterMs);
        child.Kill(entireProcessTree: true); // SIGKILL: no shutdown code runs
        await child.WaitForExitAsync();
        await Task.WhenAll(reader, writer).WaitAsync(TimeSpan.FromSeconds(30));
        return (acknowledged, sent + 1);
    }
}
